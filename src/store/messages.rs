//! RON's error codes in Dutch, without advice meant for developers.

pub fn ron_message(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "het bestand houdt te vroeg op (afgebroken?)".into(),
        E::ExpectedArray => "hier hoort een lijst [ … ]".into(),
        E::ExpectedArrayEnd => "hier hoort de lijst te sluiten met ]".into(),
        E::ExpectedMap => "hier hoort een tabel { … }".into(),
        E::ExpectedMapEnd => "hier hoort de tabel te sluiten met }".into(),
        E::ExpectedMapColon => "hier hoort een dubbele punt".into(),
        E::ExpectedStructLike => "hier hoort een onderdeel tussen haakjes ( … )".into(),
        E::ExpectedStructLikeEnd => "hier hoort een haakje sluiten )".into(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "hier hoort een tekst tussen aanhalingstekens".into()
        }
        E::ExpectedInteger | E::ExpectedFloat => "hier hoort een getal".into(),
        E::ExpectedBoolean => "hier hoort true of false".into(),
        E::ExpectedOption => "hier hoort Some( … ) of None".into(),
        E::MissingStructField { field, .. } => format!("het veld \"{field}\" ontbreekt"),
        E::NoSuchStructField { found, .. } => format!("onbekend veld \"{found}\""),
        E::DuplicateStructField { field, .. } => format!("het veld \"{field}\" staat er twee keer"),
        E::NoSuchEnumVariant { found, .. } => format!("onbekende waarde \"{found}\""),
        E::InvalidValueForType { expected, found } => {
            format!(
                "{} past hier niet (verwacht {})",
                dutch_kind(found),
                dutch_kind(expected)
            )
        }
        // Our own messages (levels, ids given twice) are Dutch already; others come
        // from libraries and are in English.
        E::Message(m) if m.starts_with("niveau ") || m.ends_with("verwijder een van beide") => {
            m.clone()
        }
        E::Message(_) => "ongeldige waarde".into(),
        E::TrailingCharacters => "na het einde staat nog tekst".into(),
        E::UnexpectedChar(c) => format!("onverwacht teken '{}'", c.escape_default()),
        E::ExpectedComma => "hier ontbreekt een komma".into(),
        E::ExpectedOptionEnd => "hier ontbreekt het haakje sluiten ) van Some( … )".into(),
        E::ExpectedNamedStructLike(_) => "hier hoort een onderdeel tussen haakjes ( … )".into(),
        E::ExpectedDifferentStructName { .. } | E::ExpectedStructName(_) => {
            "hier staat een onverwachte naam voor een onderdeel".into()
        }
        E::ExpectedUnit => "hier hoort () te staan".into(),
        E::ExpectedByteString => "hier hoort een tekst tussen aanhalingstekens".into(),
        E::ExpectedIdentifier => "hier hoort een veldnaam".into(),
        E::ExpectedChar | E::ExpectedByteLiteral => "hier hoort één teken".into(),
        E::FloatUnderscore => "hier hoort een getal".into(),
        E::InvalidEscape(_) => {
            "ongeldige \\-reeks in de tekst (schrijf een backslash als \\\\)".into()
        }
        E::IntegerOutOfBounds => "dit getal is te groot of te klein voor dit veld".into(),
        E::InvalidIntegerDigit { digit, .. } => {
            format!("ongeldig cijfer '{}' in een getal", digit.escape_default())
        }
        E::UnclosedBlockComment | E::UnclosedLineComment => {
            "een commentaar wordt niet afgesloten".into()
        }
        E::Utf8Error(_) => "geen geldige UTF-8-tekst".into(),
        E::Io(_) | E::Fmt => "het bestand kan niet worden gelezen".into(),
        _ => "de opbouw van het bestand klopt hier niet".into(),
    }
}

/// serde's English names of kinds and values ("the string \"x\"", "u8") in Dutch.
fn dutch_kind(text: &str) -> String {
    let number = |rest: &str| rest.trim_matches('`').to_string();
    if let Some(rest) = text
        .strip_prefix("the unsigned integer ")
        .or_else(|| text.strip_prefix("the signed integer "))
        .or_else(|| text.strip_prefix("the floating point number "))
        .or_else(|| text.strip_prefix("integer "))
    {
        return format!("het getal {}", number(rest));
    }
    if let Some(rest) = text.strip_prefix("the string ") {
        return format!("de tekst {rest}");
    }
    if let Some(rest) = text.strip_prefix("a string") {
        return format!("tekst{rest}");
    }
    match text {
        "a boolean" | "boolean" => "true of false".into(),
        "a sequence" | "sequence" => "een lijst [ … ]".into(),
        "a map" | "map" => "een tabel { … }".into(),
        "unit value" | "a unit value" => "()".into(),
        "Option value" | "an option" => "Some( … ) of None".into(),
        "u8" | "u16" | "u32" | "u64" | "an integer" | "i32" | "i64" => "een geheel getal".into(),
        "f64" | "f32" | "a float" => "een getal".into(),
        t if t.contains("struct") => "een onderdeel ( … )".into(),
        t if t.starts_with("the boolean ") => format!("de waarde {}", &t[12..]),
        t if t.starts_with("a ") || t.starts_with("an ") => "een andere waarde".into(),
        t => t.trim_matches('`').to_string(),
    }
}
