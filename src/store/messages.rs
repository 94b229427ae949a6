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
            format!("ongeldige waarde {found} (verwacht {expected})")
        }
        E::Message(m) => m.clone(),
        E::TrailingCharacters => "na het einde staat nog tekst".into(),
        E::UnexpectedChar(c) => format!("onverwacht teken '{c}'"),
        other => format!("onleesbaar: {other}"),
    }
}
