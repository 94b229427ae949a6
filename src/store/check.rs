//! Where in a file a problem is: the keys of a problem (field names and quoted names
//! and ids, outermost first) turned into a line and column.

/// One token of a RON text that `locate` can match: an identifier or a string.
struct Token<'a> {
    text: &'a str,
    line: usize,
    column: usize,
}

/// The identifiers and strings of `text` (comments and other punctuation skipped), each
/// with its 1-based line and column (in characters).
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let (mut line, mut column) = (1, 1);
    // Advance over one char, keeping line and column.
    macro_rules! bump {
        ($c:expr) => {
            if $c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        };
    }
    while let Some((start, c)) = chars.next() {
        let (at_line, at_column) = (line, column);
        bump!(c);
        if c == '"' {
            let mut end = text.len();
            while let Some((i, c)) = chars.next() {
                bump!(c);
                if c == '\\' {
                    if let Some((_, next)) = chars.next() {
                        bump!(next);
                    }
                } else if c == '"' {
                    end = i + 1;
                    break;
                }
            }
            out.push(Token {
                text: &text[start..end],
                line: at_line,
                column: at_column,
            });
        } else if c == '/' && chars.peek().is_some_and(|(_, n)| *n == '/') {
            for (_, c) in chars.by_ref() {
                bump!(c);
                if c == '\n' {
                    break;
                }
            }
        } else if c == '/' && chars.peek().is_some_and(|(_, n)| *n == '*') {
            let mut previous = ' ';
            for (_, c) in chars.by_ref() {
                bump!(c);
                if previous == '*' && c == '/' {
                    break;
                }
                previous = c;
            }
        } else if c.is_alphanumeric() || c == '_' {
            let mut end = start + c.len_utf8();
            while let Some((i, c)) = chars.peek().copied() {
                if !(c.is_alphanumeric() || c == '_') {
                    break;
                }
                chars.next();
                bump!(c);
                end = i + c.len_utf8();
            }
            out.push(Token {
                text: &text[start..end],
                line: at_line,
                column: at_column,
            });
        }
    }
    out
}

/// Whether a string token means `key` (both quoted; escapes may differ).
fn same_string(token: &str, key: &str) -> bool {
    token == key
        || (token.starts_with('"')
            && ron::from_str::<String>(token)
                .ok()
                .zip(ron::from_str::<String>(key).ok())
                .is_some_and(|(a, b)| a == b))
}

/// Line and column (1-based) of the last of `keys`, found one after the other in
/// `text`: identifiers match field names, quoted keys match strings (never text inside
/// a string or comment). A key that cannot be found is skipped, so a hand-edited file
/// still gets the nearest position; `None` when none is found.
pub fn locate(text: &str, keys: &[String]) -> Option<(usize, usize)> {
    let tokens = tokens(text);
    let mut from = 0;
    let mut found = None;
    for key in keys {
        let hit = tokens[from..].iter().position(|t| {
            if key.starts_with('"') {
                t.text.starts_with('"') && same_string(t.text, key)
            } else {
                t.text == key
            }
        });
        if let Some(offset) = hit {
            let token = &tokens[from + offset];
            found = Some((token.line, token.column));
            from += offset + 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(keys: &[&str]) -> Vec<String> {
        keys.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn locate_follows_the_keys_and_skips_strings_and_comments() {
        let text = "(\n  // shifts \"Go7\"\n  note: \"shifts \\\"Go7\\\"\",\n  respondents: [(name: \"B\", answers: (shifts: {\n    \"Go7\": (),\n  }))],\n)";
        assert_eq!(
            locate(text, &keys(&["respondents", "\"B\"", "shifts", "\"Go7\""])),
            Some((5, 5))
        );
        assert_eq!(locate(text, &keys(&["respondents"])), Some((4, 3)));
    }

    #[test]
    fn locate_skips_a_key_it_cannot_find() {
        let text = "(answers: (\n  response_pct: Some(255)))";
        assert_eq!(
            locate(text, &keys(&["respondents", "\"Ik\"", "response_pct"])),
            Some((2, 3))
        );
        assert_eq!(locate(text, &keys(&["nergens"])), None);
    }

    #[test]
    fn escaped_names_are_matched_by_their_meaning() {
        let text = "(name: \"A\\u{e9}\", x: 1)";
        assert_eq!(locate(text, &keys(&["\"Aé\"", "x"])), Some((1, 19)));
    }
}
