//! The HTML pages: mobile first, self-contained (inline style and script under the
//! response's CSP nonce), usable without JavaScript through plain forms. maud escapes
//! every value.

use super::state::{ItemAnswer, MeView, Participant, Shared};
use super::{QItem, QKind, WarmupPhase};
use maud::{DOCTYPE, Markup, PreEscaped, html};

const STYLE: &str = r#"
:root{--goud:#9a6b00;--goud-licht:#fbf1d6;--inkt:#1d1d1f;--grijs:#55595f;--lijn:#d8d2c4;--bg:#f6f4ef;--fout:#a3201a;--ok:#1f6b3a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--inkt);background:var(--bg)}
header.top{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--lijn);padding:.55rem 1rem .6rem}
header.top>div{max-width:44rem;margin:0 auto}
.merk{margin:0;font-size:.75rem;color:var(--goud);font-weight:700;letter-spacing:.06em;text-transform:uppercase}
h1{margin:.1rem 0 .25rem;font-size:1.15rem;line-height:1.25}
.voortgang{display:flex;align-items:center;gap:.6rem;font-size:.85rem;color:var(--grijs)}
progress{flex:1;min-width:0;height:.55rem;accent-color:var(--goud)}
main{max-width:44rem;margin:0 auto;padding:1rem 1rem 3rem}
.kaart,article.item{background:#fff;border:1px solid var(--lijn);border-radius:12px;padding:.9rem 1rem 1rem;margin:0 0 .9rem;scroll-margin-top:6.5rem}
section.deel>h2{font-size:1.15rem;margin:1.6rem 0 .3rem}
.intro{margin:0 0 .8rem;color:var(--grijs)}
h2{font-size:1.1rem;margin:0 0 .5rem}
h3{font-size:1rem;margin:0 0 .2rem}
.tekst{margin:0 0 .3rem;color:var(--grijs)}
.vraag{margin:.8rem 0 .35rem;font-weight:600;font-size:.9rem}
.niveaus{display:grid;gap:.5rem}
.rij{display:flex;flex-wrap:wrap;gap:.5rem}
button{font:inherit;color:inherit;cursor:pointer;-webkit-tap-highlight-color:transparent}
.optie{display:block;width:100%;text-align:left;min-height:44px;padding:.55rem .75rem;border:2px solid var(--lijn);border-radius:10px;background:#fff}
.rij .optie{width:auto;flex:1 1 5.2rem;text-align:center;font-weight:600}
.optie:hover{border-color:#b9a777}
.optie[aria-pressed=true]{border-color:var(--goud);background:var(--goud-licht);box-shadow:inset 0 0 0 1px var(--goud)}
.optie[aria-pressed=true]::after{content:" \2713";color:var(--goud);font-weight:700}
.niveaus .optie[aria-pressed=true]::after{content:none}
.niveaus .optie[aria-pressed=true] .naam::after{content:" \2713";color:var(--goud)}
.naam{display:block;font-weight:700;text-transform:capitalize}
.stelling{display:block;font-size:.9rem;color:var(--grijs);margin-top:.1rem}
.optie:disabled{opacity:.55;cursor:not-allowed}
.knop{display:inline-block;min-height:44px;padding:.6rem 1.2rem;border:0;border-radius:10px;background:var(--goud);color:#fff;font-weight:700;text-decoration:none}
.knop.licht{background:#fff;color:var(--inkt);border:2px solid var(--lijn)}
label{display:block;font-weight:600;margin:0 0 .35rem}
input[type=text],input[type=number],textarea{font:inherit;width:100%;padding:.55rem .65rem;border:2px solid var(--lijn);border-radius:10px;background:#fff;color:inherit}
input:focus,textarea:focus,button:focus-visible{outline:3px solid #e2b13c;outline-offset:1px}
.getal{display:flex;gap:.5rem;align-items:center}
.getal input{flex:1;min-width:0}
details{margin-top:.7rem}
summary{cursor:pointer;color:var(--grijs);font-size:.9rem}
details form{margin-top:.5rem;display:grid;gap:.5rem}
textarea{min-height:5rem;resize:vertical}
.banier{border-radius:10px;padding:.7rem 1rem;margin:0 0 1rem;background:#fff3cd;border:1px solid #e7cf82}
.melding{position:fixed;left:50%;bottom:1rem;transform:translateX(-50%);max-width:calc(100% - 2rem);width:max-content;background:var(--inkt);color:#fff;padding:.5rem 1rem;border-radius:999px;font-size:.9rem;opacity:0;transition:opacity .2s;pointer-events:none}
.melding.zichtbaar{opacity:.95}
.melding.fout{background:var(--fout);border-radius:10px}
.fout{color:var(--fout);font-weight:600}
.hallo{margin:0 0 1rem}
.stem{margin:0 0 1rem}
.stem p{margin:0 0 .4rem}
blockquote{margin:.6rem 0;padding:.5rem .8rem;border-left:4px solid var(--goud);background:var(--goud-licht);border-radius:0 8px 8px 0}
blockquote p{margin:0}
blockquote footer{font-size:.85rem;color:var(--grijs);margin-top:.25rem}
dl{margin:0}
dt{font-weight:700;margin-top:.5rem}
dd{margin:0;color:var(--grijs)}
.klaar{text-align:center}
.klaar p{margin:.3rem 0 .8rem}
@media (min-width:48rem){
 body{font-size:17px}
 .niveaus{grid-template-columns:repeat(2,1fr)}
 h1{font-size:1.35rem}
}
"#;

const SCRIPT: &str = r#"
(function () {
  'use strict';
  if (!window.fetch || !document.querySelector) return;
  var base = location.pathname.replace(/\/+$/, '');
  var melding = document.getElementById('melding');
  var timer = null;
  var last = null;
  function say(text, bad) {
    if (!melding) return;
    melding.textContent = text;
    melding.className = 'melding zichtbaar' + (bad ? ' fout' : '');
    clearTimeout(timer);
    timer = setTimeout(function () { melding.className = 'melding'; }, bad ? 6000 : 1200);
  }
  function progress() {
    var all = document.querySelectorAll('article.item').length;
    var done = document.querySelectorAll('article.item[data-beantwoord="1"]').length;
    var bar = document.getElementById('voortgang');
    if (bar) bar.value = done;
    var text = document.getElementById('voortgang-tekst');
    if (text) text.textContent = done + ' van ' + all + ' beantwoord';
    var count = document.getElementById('klaar-aantal');
    if (count) count.textContent = done;
  }
  function mark(form, field, value) {
    var buttons = form.querySelectorAll('button[name="' + field + '"]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', buttons[i].value === value ? 'true' : 'false');
    }
    var card = form.closest('article.item');
    if (card && (field === 'level' || field === 'status' || field === 'value' || field === 'choice')) {
      card.setAttribute('data-beantwoord', '1');
      progress();
    }
  }
  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('button') : null;
    last = b;
  });
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var kind = form.getAttribute('data-api');
    if (!kind) return;
    var button = e.submitter || last;
    var field, value, url, body = {};
    if (kind === 'answer') {
      if (button && button.name) {
        field = button.name; value = button.value;
      } else {
        var input = form.querySelector('[data-veld]');
        if (!input) return;
        field = input.name; value = input.value;
      }
      if (field === 'level' || field === 'ambition' || field === 'value') {
        var text = String(value).trim().replace(',', '.');
        if (text === '' || isNaN(Number(text))) { e.preventDefault(); say('Vul een getal in.', true); return; }
        body[field] = Number(text);
      } else {
        body[field] = value;
      }
      url = base + '/api/answers/' + encodeURIComponent(form.querySelector('input[name=item]').value);
    } else if (kind === 'vote') {
      if (!button) return;
      field = 'vote'; value = button.value;
      body.vote = value;
      url = base + '/api/warmup/' + encodeURIComponent(form.querySelector('input[name=n]').value);
    } else {
      return;
    }
    e.preventDefault();
    var key = url + ' ' + field;
    latest[key] = (latest[key] || 0) + 1;
    save(url, body, form, field, value, key, latest[key]);
  });
  // The newest tap per item and field; an older one that is still retrying gives way.
  var latest = {};
  function save(url, body, form, field, value, key, turn) {
    fetch(url, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (r) {
      if (r.status === 204) {
        mark(form, field, String(value));
        say(field === 'note' ? 'Toelichting bewaard' : 'Bewaard');
        return;
      }
      if (r.status === 401) { location.reload(); return; }
      return r.json().then(function (j) { say(j.fout || ('Niet bewaard (fout ' + r.status + ').'), true); },
        function () { say('Niet bewaard (fout ' + r.status + ').', true); });
    }, function () {
      // No connection: try again until it works, unless a newer tap replaced this one.
      say('Geen verbinding met de laptop van de begeleider: nog niet bewaard, ik probeer het opnieuw…', true);
      setTimeout(function () {
        if (latest[key] === turn) save(url, body, form, field, value, key, turn);
      }, 3000);
    });
  }
  var version = document.body.getAttribute('data-versie');
  function busy() {
    var a = document.activeElement;
    return a && (a.tagName === 'TEXTAREA' || a.tagName === 'INPUT') && a.value !== a.defaultValue;
  }
  if (version) {
    setInterval(function () {
      fetch(base + '/api/state', { credentials: 'same-origin', cache: 'no-store' })
        .then(function (r) { return r.json(); })
        .then(function (s) { if (String(s.version) !== version && !busy()) location.reload(); })
        .catch(function () {});
    }, 4000);
    if (!location.hash) {
      var open = document.querySelector('article.item:not([data-beantwoord="1"])');
      if (open && document.querySelector('article.item[data-beantwoord="1"]')) open.scrollIntoView();
    }
  }
})();
"#;

fn layout(title: &str, nonce: &str, version: Option<u64>, header: Markup, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) }
                style nonce=(nonce) { (PreEscaped(STYLE)) }
            }
            body data-versie=[version] {
                header.top { div { p.merk { "Gouden Oor · live" } (header) } }
                main { (body) }
                div #melding .melding role="status" aria-live="polite" {}
                script nonce=(nonce) { (PreEscaped(SCRIPT)) }
            }
        }
    }
    .into_string()
}

/// `GET /`: asks for the short code.
pub(crate) fn code_page(error: Option<&str>, nonce: &str) -> String {
    layout(
        "Doe mee met de workshop",
        nonce,
        None,
        html! { h1 { "Doe mee met de workshop" } },
        html! {
            form.kaart method="post" action="/" {
                label for="code" { "Code van het scherm van de begeleider" }
                @if let Some(error) = error { p.fout role="alert" { (error) } }
                p {
                    input #code type="text" name="code" maxlength="12" autocomplete="off"
                        autocapitalize="characters" spellcheck="false" required autofocus;
                }
                button.knop type="submit" { "Verder" }
            }
        },
    )
}

/// A form post that went wrong, with a way back.
pub(crate) fn error_page(message: &str, back: Option<&str>, nonce: &str) -> String {
    layout(
        "Dat lukte niet",
        nonce,
        None,
        html! { h1 { "Dat lukte niet" } },
        html! {
            div.kaart {
                p.fout role="alert" { (message) }
                @if let Some(back) = back { a.knop href=(back) { "Terug naar de vragen" } }
            }
        },
    )
}

pub(crate) fn me_view<'a>(shared: &Shared, p: &'a Participant) -> MeView<'a> {
    MeView {
        participant: p.id,
        name: &p.name,
        done: p.done,
        answered: p.answered(),
        total: shared.total_items(),
        answers: &p.answers,
        warmup: p
            .votes
            .iter()
            .map(|v| v.map(|k| if k { "klacht" } else { "geen_klacht" }))
            .collect(),
    }
}

/// `GET /w/TOKEN`: the join form, or the questions with this participant's answers.
pub(crate) fn participant_page(shared: &Shared, participant: Option<&str>, nonce: &str) -> String {
    let inner = shared.lock();
    let q = &shared.questionnaire;
    let me = participant.and_then(|t| inner.participants.get(t));
    let total = shared.total_items();
    let answered = me.map_or(0, Participant::answered);
    let base = format!("/w/{}", shared.token);
    let closed = !inner.open;
    let header = html! {
        h1 { (q.title) }
        @if me.is_some() && total > 0 {
            div.voortgang {
                progress #voortgang max=(total) value=(answered) aria-label="Voortgang" {}
                span #voortgang-tekst { (answered) " van " (total) " beantwoord" }
            }
        }
    };
    let body = html! {
        @if closed {
            p.banier role="status" {
                "Het invullen is gesloten door de begeleider. Je antwoorden tot nu toe zijn bewaard."
            }
        }
        @match me {
            None => {
                form.kaart method="post" action={ (base) "/join" } {
                    h2 { "Doe mee" }
                    @if q.anonymous {
                        p { "Je doet anoniem mee: niemand ziet welke antwoorden van jou zijn." }
                    } @else {
                        p { "Je antwoorden blijven op de laptop van de begeleider. Elke tik wordt meteen bewaard." }
                        label for="naam" { "Je naam" }
                        p { input #naam type="text" name="name" maxlength="60" autocomplete="given-name" required; }
                    }
                    button.knop type="submit" disabled[closed] { "Beginnen" }
                }
            }
            Some(me) => {
                p.hallo {
                    @if q.anonymous { "Je doet anoniem mee." } @else { "Je doet mee als " strong { (me.name) } "." }
                    " Elke tik wordt meteen bewaard op de laptop van de begeleider."
                }
                @if let Some(results) = &inner.results {
                    section #resultaat .kaart {
                        h2 { "Resultaat van het team" }
                        @if !results.title.is_empty() { h3 { (results.title) } }
                        dl {
                            @for line in &results.lines { dt { (line.label) } dd { (line.text) } }
                        }
                    }
                }
                @if let (Some(warmup), true) = (&q.warmup, inner.phase != WarmupPhase::Off) {
                    section #opwarmer .kaart {
                        h2 { "Opwarmer: is dit een klacht?" }
                        @let voting = inner.phase == WarmupPhase::Voting && !closed;
                        @for (n, statement) in warmup.statements.iter().enumerate() {
                            div.stem {
                                p { strong { (n + 1) ". " } (statement) }
                                form method="post" action={ (base) "/warmup" } data-api="vote" {
                                    input type="hidden" name="n" value=(n + 1);
                                    div.rij {
                                        @for (value, label, mine) in [("klacht", "Klacht", Some(true)), ("geen_klacht", "Geen klacht", Some(false))] {
                                            button.optie type="submit" name="vote" value=(value)
                                                aria-pressed=(pressed(me.votes.get(n).copied().flatten() == mine))
                                                disabled[!voting] { (label) }
                                        }
                                    }
                                }
                            }
                        }
                        @if inner.phase == WarmupPhase::Revealed {
                            h3 { "Zo wordt een klacht gedefinieerd" }
                            @for (source, text) in &warmup.definitions {
                                blockquote { p { (text) } footer { (source) } }
                            }
                        } @else {
                            p.tekst { "De definities zie je zodra de begeleider de stemming sluit." }
                        }
                    }
                }
                @for section in &q.sections {
                    section.deel {
                        h2 { (section.title) }
                        @if let Some(intro) = &section.intro { p.intro { (intro) } }
                        @for item in &section.items {
                            (item_card(&base, item, me.answers.get(&item.id), closed))
                        }
                    }
                }
                @if total > 0 {
                    section #klaar .kaart .klaar {
                        @if me.done {
                            h2 { "Dank je wel!" }
                            p { "Je antwoorden zijn bewaard. Zolang het invullen open is, kun je ze nog aanpassen." }
                        } @else {
                            h2 { "Klaar?" }
                            p { span #klaar-aantal { (answered) } " van " (total) " onderdelen beantwoord. Je kunt daarna nog aanpassen zolang het invullen open is." }
                            form method="post" action={ (base) "/done" } {
                                button.knop type="submit" disabled[closed] { "Klaar" }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(&q.title, nonce, me.map(|_| inner.version), header, body)
}

fn pressed(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

fn item_card(base: &str, item: &QItem, answer: Option<&ItemAnswer>, closed: bool) -> Markup {
    let empty = ItemAnswer::default();
    let a = answer.unwrap_or(&empty);
    let action = format!("{base}/answer");
    let choices = |field: &str, options: &[(String, String)], current: Option<String>| {
        html! {
            div.rij {
                @for (value, label) in options {
                    button.optie type="submit" name=(field) value=(value)
                        aria-pressed=(pressed(current.as_deref() == Some(value.as_str())))
                        disabled[closed] { (label) }
                }
            }
        }
    };
    let owned = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .collect()
    };
    html! {
        article.item id={ "i-" (item.id) } data-beantwoord=(if a.is_answered() { "1" } else { "0" }) {
            h3 { (item.label) }
            @if let Some(text) = &item.text { p.tekst { (text) } }
            form method="post" action=(action) data-api="answer" {
                input type="hidden" name="item" value=(item.id);
                @match &item.kind {
                    QKind::Scale { levels, statements, ambition } => {
                        p.vraag { "Waar staan we nu?" }
                        div.niveaus {
                            @for (i, level) in levels.iter().enumerate() {
                                button.optie type="submit" name="level" value=(i + 1)
                                    aria-pressed=(pressed(a.level == Some(i as u8 + 1))) disabled[closed] {
                                    span.naam { (level) }
                                    @if let Some(statement) = statements.get(i) { span.stelling { (statement) } }
                                }
                            }
                        }
                        @if *ambition {
                            p.vraag { "Waar willen we naartoe?" }
                            (choices("ambition",
                                &levels.iter().enumerate().map(|(i, l)| ((i + 1).to_string(), l.clone())).collect::<Vec<_>>(),
                                a.ambition.map(|n| n.to_string())))
                        }
                    }
                    QKind::Criterion => {
                        (choices("status", &owned(&[("met", "Ja"), ("not_met", "Nee"), ("open", "Weet niet")]), a.status.clone()))
                    }
                    QKind::Check => {
                        (choices("status", &owned(&[("ja", "Ja"), ("deels", "Deels"), ("nee", "Nee"), ("nvt", "N.v.t."), ("open", "Weet niet")]), a.status.clone()))
                    }
                    QKind::Rating { min, max } => {
                        (choices("level", &(*min..=*max).map(|n| (n.to_string(), n.to_string())).collect::<Vec<_>>(), a.level.map(|n| n.to_string())))
                    }
                    QKind::Choice { options } => {
                        div.niveaus {
                            @for option in options {
                                button.optie type="submit" name="choice" value=(option)
                                    aria-pressed=(pressed(a.choice.as_deref() == Some(option.as_str()))) disabled[closed] {
                                    (option)
                                }
                            }
                        }
                    }
                    QKind::Number { unit, min, max, whole } => {
                        label.vraag for={ "v-" (item.id) } { "Getal" @if !unit.is_empty() { " (" (unit) ")" } }
                        div.getal {
                            input id={ "v-" (item.id) } type="number" name="value" data-veld
                                min=(min) max=(max) step=(if *whole { "1" } else { "any" })
                                inputmode=(if *whole { "numeric" } else { "decimal" })
                                value=[a.value] disabled[closed];
                            button.knop.licht type="submit" disabled[closed] { "Bewaar" }
                        }
                    }
                }
            }
            details open[a.note.is_some()] {
                summary { "Toelichting" @if a.note.is_some() { " (bewaard)" } }
                form method="post" action=(action) data-api="answer" {
                    input type="hidden" name="item" value=(item.id);
                    textarea name="note" data-veld maxlength="2000" aria-label={ "Toelichting bij " (item.label) } disabled[closed] {
                        (a.note.as_deref().unwrap_or(""))
                    }
                    div { button.knop.licht type="submit" disabled[closed] { "Bewaar toelichting" } }
                }
            }
        }
    }
}
