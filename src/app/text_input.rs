//! A small text editor: one line (titles) or several (notes), with a cursor.

/// Text plus a cursor, counted in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
    multiline: bool,
}

/// What a key does to a text input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Newline,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
}

impl TextInput {
    pub fn single(text: &str) -> Self {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
            multiline: false,
        }
    }

    pub fn multi(text: &str) -> Self {
        TextInput {
            multiline: true,
            ..TextInput::single(text)
        }
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// (line, column) of the cursor, over hard lines.
    fn line_col(&self) -> (usize, usize) {
        let before: String = self.text.chars().take(self.cursor).collect();
        let line = before.matches('\n').count();
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        (line, col)
    }

    fn index_of(&self, line: usize, col: usize) -> usize {
        let mut index = 0;
        for (n, text) in self.text.split('\n').enumerate() {
            let len = text.chars().count();
            if n == line {
                return index + col.min(len);
            }
            index += len + 1;
        }
        self.len()
    }

    /// Apply an edit; returns whether the text changed.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Insert(c) if !c.is_control() => {
                let at = self.byte(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
                true
            }
            Edit::Insert(_) => false,
            Edit::Newline if self.multiline => {
                let at = self.byte(self.cursor);
                self.text.insert(at, '\n');
                self.cursor += 1;
                true
            }
            Edit::Newline => false,
            Edit::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte(self.cursor);
                self.text.remove(at);
                true
            }
            Edit::Delete if self.cursor < self.len() => {
                let at = self.byte(self.cursor);
                self.text.remove(at);
                true
            }
            Edit::Backspace | Edit::Delete => false,
            Edit::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Edit::Right => {
                self.cursor = (self.cursor + 1).min(self.len());
                false
            }
            Edit::Up | Edit::Down => {
                let (line, col) = self.line_col();
                let target = if edit == Edit::Up {
                    line.checked_sub(1)
                } else {
                    Some(line + 1).filter(|l| *l < self.text.split('\n').count())
                };
                if let Some(target) = target {
                    self.cursor = self.index_of(target, col);
                }
                false
            }
            Edit::Home => {
                let (line, _) = self.line_col();
                self.cursor = self.index_of(line, 0);
                false
            }
            Edit::End => {
                let (line, _) = self.line_col();
                self.cursor = self.index_of(line, usize::MAX);
                false
            }
        }
    }

    /// Rows of at most `width` columns (a hard wrap by character, so the cursor position
    /// is exact), and the (row, column) of the cursor.
    pub fn layout(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        use unicode_width::UnicodeWidthChar;
        let width_of = |cs: &[char]| -> usize { cs.iter().map(|c| c.width().unwrap_or(0)).sum() };
        // One column stays free for the cursor at a row's end.
        let limit = width.max(2) - 1;
        let chars: Vec<char> = self.text.chars().collect();
        // Rows as ranges of characters, broken after a space where a word would not fit,
        // inside a word only where it is longer than a row.
        let mut rows: Vec<(usize, usize)> = Vec::new();
        let (mut start, mut row_width, mut last_space) = (0, 0, None::<usize>);
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '\n' {
                rows.push((start, i));
                (start, row_width, last_space) = (i + 1, 0, None);
                i += 1;
                continue;
            }
            let w = c.width().unwrap_or(0);
            if row_width + w > limit && i > start {
                let end = last_space.map_or(i, |s| s + 1);
                rows.push((start, end));
                start = end;
                row_width = width_of(&chars[start..i]);
                last_space = None;
                continue;
            }
            if c == ' ' {
                last_space = Some(i);
            }
            row_width += w;
            i += 1;
        }
        rows.push((start, chars.len()));
        let at = self.cursor.min(chars.len());
        // At a row's end the cursor stays there only before a line break or the end;
        // where a row was wrapped it starts the next one.
        let row = rows
            .iter()
            .position(|&(s, e)| {
                (s..e).contains(&at) || (at == e && chars.get(e).is_none_or(|c| *c == '\n'))
            })
            .unwrap_or(rows.len() - 1);
        let cursor = (row, width_of(&chars[rows[row].0..at.max(rows[row].0)]));
        let rows = rows
            .iter()
            .map(|&(s, e)| chars[s..e].iter().collect())
            .collect();
        (rows, cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(input: &mut TextInput, text: &str) {
        for c in text.chars() {
            input.apply(if c == '\n' {
                Edit::Newline
            } else {
                Edit::Insert(c)
            });
        }
    }

    #[test]
    fn typing_inserts_at_the_cursor() {
        let mut input = TextInput::multi("");
        typed(&mut input, "héllo");
        input.apply(Edit::Left);
        input.apply(Edit::Left);
        typed(&mut input, "X");
        assert_eq!(input.text(), "hélXlo");
        input.apply(Edit::Backspace);
        input.apply(Edit::Delete);
        assert_eq!(input.text(), "héllo".replacen("l", "", 1));
    }

    #[test]
    fn single_line_refuses_newlines_and_control_characters() {
        let mut input = TextInput::single("a");
        assert!(!input.apply(Edit::Newline));
        assert!(!input.apply(Edit::Insert('\u{1b}')));
        assert_eq!(input.text(), "a");
    }

    #[test]
    fn up_and_down_keep_the_column() {
        let mut input = TextInput::multi("abcdef\nxy\n123456");
        input.apply(Edit::Up);
        assert_eq!(input.cursor(), 9, "end of 'xy'");
        input.apply(Edit::Up);
        assert_eq!(input.cursor(), 2);
        input.apply(Edit::Down);
        input.apply(Edit::Down);
        assert_eq!(input.cursor(), 12);
        input.apply(Edit::Home);
        assert_eq!(input.cursor(), 10);
        input.apply(Edit::End);
        assert_eq!(input.cursor(), 16);
    }

    #[test]
    fn layout_wraps_and_places_the_cursor() {
        let input = TextInput::multi("abcdefgh\nij");
        let (rows, cursor) = input.layout(5);
        assert_eq!(rows, ["abcd", "efgh", "ij"]);
        assert_eq!(cursor, (2, 2));
    }

    #[test]
    fn layout_breaks_between_words_and_the_cursor_follows() {
        let mut input = TextInput::multi("");
        typed(&mut input, "zie het jaarverslag");
        // Nine columns, one kept for the cursor: "zie het " fits, the word moves on.
        let (rows, cursor) = input.layout(9);
        assert_eq!(rows, ["zie het ", "jaarvers", "lag"]);
        assert_eq!(cursor, (2, 3));
        let (rows, _) = input.layout(20);
        assert_eq!(rows, ["zie het jaarverslag"]);
        // Every character is on exactly one row, in order.
        for width in 2..24 {
            let (rows, _) = input.layout(width);
            assert_eq!(rows.concat(), "zie het jaarverslag", "{width}");
            assert!(
                rows.iter().all(|r| r.chars().count() < width.max(2)),
                "{width}"
            );
        }
    }

    #[test]
    fn the_cursor_is_on_the_row_where_the_next_character_goes() {
        let mut input = TextInput::multi("");
        typed(&mut input, "zie het jaarverslag");
        // Before the "j" of the wrapped word: the start of the second row.
        for _ in 0.."jaarverslag".len() {
            input.apply(Edit::Left);
        }
        let (_, cursor) = input.layout(12);
        assert_eq!(cursor, (1, 0));
    }
}
