//! The live workshop server over real HTTP on 127.0.0.1: every route, every error, the
//! form fallback without JavaScript, and 50 participants at once losing nothing.

use goudenoor::live::{
    AnswerValue, LiveConfig, LiveEvent, LiveServer, MAX_PARTICIPANTS, ParticipantId, QItem, QKind,
    QSection, Questionnaire, TeamLine, TeamView, Warmup, WarmupPhase, WarmupTally,
};
use serde_json::{Value, json};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::sync::{Arc, Mutex};
use ureq::http::Request;

const LEVELS: [&str; 4] = ["aardig", "goed", "prima", "goud"];

fn questionnaire() -> Questionnaire {
    let shifts = (1..=9)
        .map(|n| QItem {
            id: format!("shift{n}"),
            label: format!("{n} Verschuiving <{n}>"),
            text: Some("Van klacht naar feedback".into()),
            kind: QKind::Scale {
                levels: LEVELS.iter().map(|s| s.to_string()).collect(),
                statements: LEVELS.iter().map(|s| format!("We zijn {s}")).collect(),
                ambition: true,
            },
        })
        .collect();
    let item = |id: &str, kind: QKind| QItem {
        id: id.into(),
        label: id.into(),
        text: None,
        kind,
    };
    Questionnaire {
        title: "Team <b>Klant</b>".into(),
        anonymous: false,
        sections: vec![
            QSection {
                title: "De negen verschuivingen".into(),
                intro: Some("Tik aan waar jullie staan.".into()),
                items: shifts,
            },
            QSection {
                title: "Normenkader".into(),
                intro: None,
                items: vec![
                    item("I.1", QKind::Criterion),
                    item("I.2", QKind::Criterion),
                    item("chk", QKind::Check),
                    item(
                        "pct",
                        QKind::Number {
                            unit: "%".into(),
                            min: 0.0,
                            max: 100.0,
                            whole: true,
                        },
                    ),
                    item("cijfer", QKind::Rating { min: 1, max: 5 }),
                    item(
                        "kanaal",
                        QKind::Choice {
                            options: vec!["Telefoon".into(), "E-mail".into()],
                        },
                    ),
                ],
            },
        ],
        warmup: Some(Warmup {
            statements: vec![
                "Een klant belt boos".into(),
                "Een compliment".into(),
                "Een vraag".into(),
                "Een tip".into(),
            ],
            definitions: vec![(
                "Nationale ombudsman".into(),
                "Elke uiting van ongenoegen".into(),
            )],
        }),
    }
}

/// Every answer the fixture allows for one item, as (JSON body, expected event value).
fn full_answers(q: &Questionnaire) -> Vec<(String, Value, AnswerValue)> {
    let mut out = Vec::new();
    for item in q.sections.iter().flat_map(|s| &s.items) {
        let id = item.id.clone();
        match &item.kind {
            QKind::Scale { .. } => {
                out.push((id.clone(), json!({"level": 2}), AnswerValue::Level(2)));
                out.push((id, json!({"ambition": 4}), AnswerValue::Ambition(4)));
            }
            QKind::Criterion => out.push((
                id,
                json!({"status": "not_met"}),
                AnswerValue::Status("not_met".into()),
            )),
            QKind::Check => out.push((
                id,
                json!({"status": "deels"}),
                AnswerValue::Check("deels".into()),
            )),
            QKind::Number { .. } => out.push((id, json!({"value": 85}), AnswerValue::Number(85.0))),
            QKind::Rating { .. } => out.push((id, json!({"value": 4}), AnswerValue::Level(4))),
            QKind::Choice { .. } => out.push((
                id,
                json!({"choice": "E-mail"}),
                AnswerValue::Choice("E-mail".into()),
            )),
        }
    }
    out
}

struct Live {
    server: LiveServer,
    events: Arc<Mutex<Vec<LiveEvent>>>,
    agent: ureq::Agent,
    /// http://127.0.0.1:PORT
    origin: String,
    /// /w/TOKEN
    path: String,
}

struct Reply {
    status: u16,
    headers: ureq::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    }
    /// The Dutch error message of a JSON error.
    fn fout(&self) -> String {
        self.json()["fout"].as_str().unwrap_or_default().to_owned()
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into()
}

fn start(q: Questionnaire) -> Live {
    start_with(q, false)
}

fn start_with(q: Questionnaire, anonymous: bool) -> Live {
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&events);
    let config = LiveConfig {
        bind: Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        port: Some(0),
        anonymous,
    };
    let server = LiveServer::start(config, q, move |e| sink.lock().unwrap().push(e)).unwrap();
    let url = server.join_url();
    let (origin, path) = url.split_at(url.find("/w/").unwrap());
    Live {
        origin: origin.to_owned(),
        path: path.to_owned(),
        server,
        events,
        agent: agent(),
    }
}

impl Live {
    fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<(&str, String)>,
    ) -> Reply {
        let mut request = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.origin));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let (content_type, body) = body.unwrap_or(("text/plain", String::new()));
        if !body.is_empty() {
            request = request.header("Content-Type", content_type);
        }
        let mut response = self.agent.run(request.body(body).unwrap()).unwrap();
        Reply {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.body_mut().read_to_string().unwrap_or_default(),
        }
    }

    fn get(&self, path: &str, participant: Option<&str>) -> Reply {
        let headers: Vec<(&str, &str)> = participant
            .map(|p| ("X-Participant", p))
            .into_iter()
            .collect();
        self.send("GET", path, &headers, None)
    }

    fn json(&self, method: &str, path: &str, participant: Option<&str>, body: Value) -> Reply {
        let headers: Vec<(&str, &str)> = participant
            .map(|p| ("X-Participant", p))
            .into_iter()
            .collect();
        self.send(
            method,
            path,
            &headers,
            Some(("application/json", body.to_string())),
        )
    }

    fn form(&self, path: &str, cookie: Option<&str>, body: &str) -> Reply {
        let cookie = cookie.map(|c| format!("goudenoor_deelnemer={c}"));
        let headers: Vec<(&str, &str)> = cookie
            .as_deref()
            .map(|c| ("Cookie", c))
            .into_iter()
            .collect();
        self.send(
            "POST",
            path,
            &headers,
            Some(("application/x-www-form-urlencoded", body.to_owned())),
        )
    }

    fn api(&self, rest: &str) -> String {
        format!("{}/api/{rest}", self.path)
    }

    fn join(&self, name: &str) -> String {
        let reply = self.json("POST", &self.api("join"), None, json!({ "name": name }));
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()["participant"].as_str().unwrap().to_owned()
    }

    fn put(&self, participant: &str, item: &str, body: Value) -> Reply {
        self.json(
            "PUT",
            &self.api(&format!("answers/{item}")),
            Some(participant),
            body,
        )
    }

    /// Stops the server (every event delivered) and returns the events.
    fn finish(self) -> Vec<LiveEvent> {
        let events = Arc::clone(&self.events);
        self.server.stop();
        events.lock().unwrap().clone()
    }
}

#[test]
fn the_page_is_served_with_a_strict_policy_and_its_nonce() {
    let live = start(questionnaire());
    let reply = live.get(&live.path, None);
    assert_eq!(reply.status, 200);
    assert!(reply.header("content-type").starts_with("text/html"));
    assert!(reply.body.contains("Doe mee"), "{}", reply.body);
    assert!(reply.body.contains("lang=\"nl\""));
    let csp = reply.header("content-security-policy");
    assert!(csp.contains("default-src 'none'"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .unwrap()
        .to_owned();
    assert!(nonce.len() >= 22, "{nonce}");
    assert!(reply.body.contains(&format!("<script nonce=\"{nonce}\">")));
    assert!(reply.body.contains(&format!("<style nonce=\"{nonce}\">")));
    // Nothing is loaded from elsewhere.
    assert!(!reply.body.contains("http://") && !reply.body.contains("https://"));
    assert_eq!(reply.header("referrer-policy"), "no-referrer");
    assert_eq!(reply.header("cache-control"), "no-store");
    // A fresh nonce for every response.
    let again = live.get(&live.path, None);
    assert!(!again.header("content-security-policy").contains(&nonce));
}

#[test]
fn the_token_is_long_and_random_and_the_short_code_unambiguous() {
    let a = start(questionnaire());
    let b = start(questionnaire());
    let token = a.path.trim_start_matches("/w/");
    assert!(
        token.len() >= 32 && token.chars().all(|c| c.is_ascii_hexdigit()),
        "{token}"
    );
    assert_ne!(a.path, b.path);
    let code = a.server.short_code();
    assert_eq!(code.len(), 6);
    assert!(
        code.chars()
            .all(|c| "ABCDEFGHJKMNPQRSTUVWXYZ23456789".contains(c)),
        "{code}"
    );
    assert!(a.server.join_url().starts_with("http://127.0.0.1:"));
}

#[test]
fn joining_returns_a_token_sets_a_strict_cookie_and_reports_the_name() {
    let live = start(questionnaire());
    let reply = live.json(
        "POST",
        &live.api("join"),
        None,
        json!({"name": "  Anna  de Vries "}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let participant = reply.json()["participant"].as_str().unwrap().to_owned();
    assert!(participant.len() >= 32);
    let cookie = reply.header("set-cookie");
    assert!(
        cookie.starts_with(&format!("goudenoor_deelnemer={participant}")),
        "{cookie}"
    );
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let me = live.get(&live.api("me"), Some(&participant)).json();
    assert_eq!(me["name"], "Anna de Vries");
    let events = live.finish();
    assert_eq!(
        events,
        vec![LiveEvent::Joined {
            participant: ParticipantId(1),
            name: "Anna de Vries".into()
        }]
    );
}

#[test]
fn a_name_is_required_unless_anonymous() {
    let live = start(questionnaire());
    let reply = live.json("POST", &live.api("join"), None, json!({"name": "   "}));
    assert_eq!(reply.status, 400);
    assert!(reply.fout().contains("naam"), "{}", reply.fout());
    let reply = live.json(
        "POST",
        &live.api("join"),
        None,
        json!({"name": "x".repeat(61)}),
    );
    assert_eq!(reply.status, 400);

    let anonymous = start_with(questionnaire(), true);
    let reply = anonymous.send("POST", &anonymous.api("join"), &[], None);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let events = anonymous.finish();
    assert_eq!(
        events,
        vec![LiveEvent::Joined {
            participant: ParticipantId(1),
            name: "Deelnemer 1".into()
        }]
    );
}

#[test]
fn every_kind_of_answer_is_stored_reported_and_read_back() {
    let q = questionnaire();
    let live = start(q.clone());
    let p = live.join("Anna");
    let answers = full_answers(&q);
    for (item, body, _) in &answers {
        let reply = live.put(&p, item, body.clone());
        assert_eq!(reply.status, 204, "{item} {body}: {}", reply.body);
    }
    assert_eq!(
        live.put(&p, "I.1", json!({"note": "Staat in\u{7} het beleid"}))
            .status,
        204
    );
    let me = live.get(&live.api("me"), Some(&p)).json();
    assert_eq!(me["answers"]["shift3"], json!({"level": 2, "ambition": 4}));
    assert_eq!(
        me["answers"]["I.1"],
        json!({"status": "not_met", "note": "Staat in het beleid"})
    );
    assert_eq!(me["answers"]["chk"], json!({"status": "deels"}));
    assert_eq!(me["answers"]["pct"], json!({"value": 85.0}));
    assert_eq!(me["answers"]["cijfer"], json!({"level": 4}));
    assert_eq!(me["answers"]["kanaal"], json!({"choice": "E-mail"}));
    assert_eq!(me["answered"], 15);
    assert_eq!(me["total"], 15);

    // Clearing an item removes every answer to it.
    let reply = live.send(
        "DELETE",
        &live.api("answers/pct"),
        &[("X-Participant", &p)],
        None,
    );
    assert_eq!(reply.status, 204);
    let me = live.get(&live.api("me"), Some(&p)).json();
    assert!(me["answers"].get("pct").is_none());

    let snapshot = live.server.snapshot();
    assert_eq!(snapshot.participants.len(), 1);
    assert_eq!(snapshot.participants[0].answered, 14);
    assert_eq!(snapshot.items, 15);

    let events = live.finish();
    let mut expected: Vec<LiveEvent> = vec![LiveEvent::Joined {
        participant: ParticipantId(1),
        name: "Anna".into(),
    }];
    expected.extend(
        answers
            .into_iter()
            .map(|(item, _, value)| LiveEvent::Answered {
                participant: ParticipantId(1),
                item,
                value,
            }),
    );
    expected.push(LiveEvent::Answered {
        participant: ParticipantId(1),
        item: "I.1".into(),
        value: AnswerValue::Note("Staat in het beleid".into()),
    });
    expected.push(LiveEvent::Answered {
        participant: ParticipantId(1),
        item: "pct".into(),
        value: AnswerValue::Clear,
    });
    assert_eq!(events, expected);
}

#[test]
fn the_questionnaire_and_the_state_are_served_as_json() {
    let live = start(questionnaire());
    let q = live.get(&live.api("questionnaire"), None).json();
    assert_eq!(q["title"], "Team <b>Klant</b>");
    assert_eq!(q["sections"][0]["items"][0]["id"], "shift1");
    assert_eq!(q["sections"][0]["items"][0]["kind"]["kind"], "scale");
    assert_eq!(q["sections"][1]["items"][0]["kind"]["kind"], "criterion");
    let state = live.get(&live.api("state"), None).json();
    assert_eq!(state["open"], true);
    assert_eq!(state["warmup"], "off");
    assert_eq!(state["results"], Value::Null);
    assert_eq!(state["definitions"], Value::Null);
}

#[test]
fn an_unknown_workshop_token_is_404_on_every_route() {
    let live = start(questionnaire());
    let p = live.join("Anna");
    let wrong = "/w/00000000000000000000000000000000";
    assert_eq!(live.get(wrong, None).status, 404);
    assert_eq!(live.get(&format!("{wrong}/api/me"), Some(&p)).status, 404);
    assert_eq!(live.get(&format!("{wrong}/api/state"), None).status, 404);
    assert_eq!(
        live.get(&format!("{wrong}/api/questionnaire"), None).status,
        404
    );
    let reply = live.json(
        "POST",
        &format!("{wrong}/api/join"),
        None,
        json!({"name": "X"}),
    );
    assert_eq!(reply.status, 404);
    assert!(reply.fout().contains("workshop"), "{}", reply.fout());
    let reply = live.json(
        "PUT",
        &format!("{wrong}/api/answers/shift1"),
        Some(&p),
        json!({"level": 1}),
    );
    assert_eq!(reply.status, 404);
    assert_eq!(
        live.form(&format!("{wrong}/answer"), Some(&p), "item=shift1&level=1")
            .status,
        404
    );
    // Prefixes of the real token do not work either.
    assert_eq!(
        live.get(&live.path[..live.path.len() - 1], None).status,
        404
    );
}

#[test]
fn nothing_but_the_routes_is_served() {
    let live = start(questionnaire());
    for path in [
        "/favicon.ico",
        "/w/",
        "/w",
        "/etc/passwd",
        "/w/../Cargo.toml",
        "/src/live/mod.rs",
        &format!("{}/api/", live.path),
        &format!("{}/api/answers", live.path),
        &format!("{}/x", live.path),
    ] {
        let reply = live.get(path, None);
        assert_eq!(reply.status, 404, "{path}");
    }
    // A wrong method is a 404 as well, with a Dutch message.
    let reply = live.send("DELETE", &live.path, &[], None);
    assert_eq!(reply.status, 404);
    let reply = live.send("GET", &live.api("join"), &[], None);
    assert_eq!(reply.status, 404);
    assert!(reply.fout().contains("bestaat niet"));
}

#[test]
fn a_missing_or_wrong_participant_is_401() {
    let live = start(questionnaire());
    live.join("Anna");
    assert_eq!(live.get(&live.api("me"), None).status, 401);
    let reply = live.get(&live.api("me"), Some("deadbeef"));
    assert_eq!(reply.status, 401);
    assert!(reply.fout().contains("aangemeld"), "{}", reply.fout());
    assert_eq!(
        live.put("deadbeef", "shift1", json!({"level": 1})).status,
        401
    );
    // Even for an unknown item, a stranger learns only that they are not signed in.
    assert_eq!(
        live.put("deadbeef", "nope", json!({"level": 1})).status,
        401
    );
    let reply = live.send("DELETE", &live.api("answers/shift1"), &[], None);
    assert_eq!(reply.status, 401);
    let reply = live.json(
        "PUT",
        &live.api("warmup/1"),
        None,
        json!({"vote": "klacht"}),
    );
    assert_eq!(reply.status, 401);
    assert_eq!(live.send("POST", &live.api("done"), &[], None).status, 401);
    let events = live.finish();
    assert_eq!(events.len(), 1, "{events:?}");
}

#[test]
fn the_cookie_alone_identifies_the_participant_too() {
    let live = start(questionnaire());
    let p = live.join("Anna");
    let cookie = format!("other=1; goudenoor_deelnemer={p}");
    let reply = live.send(
        "PUT",
        &live.api("answers/shift1"),
        &[("Cookie", &cookie)],
        Some(("application/json", json!({"level": 3}).to_string())),
    );
    assert_eq!(reply.status, 204, "{}", reply.body);
    let reply = live.send("GET", &live.api("me"), &[("Cookie", &cookie)], None);
    assert_eq!(reply.json()["answers"]["shift1"]["level"], 3);
}

#[test]
fn unknown_items_and_bad_values_are_400_in_dutch() {
    let live = start(questionnaire());
    let p = live.join("Anna");
    let cases = [
        ("onbekend", json!({"level": 1}), "Onbekend onderdeel"),
        ("shift1", json!({"level": 5}), "1 tot en met 4"),
        ("shift1", json!({"level": 0}), "1 tot en met 4"),
        ("shift1", json!({"level": "3"}), "geheel getal"),
        ("shift1", json!({"ambition": 2.5}), "geheel getal"),
        ("shift1", json!({"status": "met"}), "past niet"),
        (
            "shift1",
            json!({"level": 1, "ambition": 2}),
            "precies één veld",
        ),
        ("shift1", json!({}), "precies één veld"),
        ("shift1", json!({"kleur": 1}), "Onbekend veld"),
        ("I.1", json!({"status": "ja"}), "not_met"),
        ("I.1", json!({"status": 1}), "tekst"),
        ("chk", json!({"status": "met"}), "deels"),
        ("pct", json!({"value": 101}), "0 tot en met 100"),
        ("pct", json!({"value": 8.5}), "geheel getal"),
        ("cijfer", json!({"value": 6}), "1 tot en met 5"),
        ("kanaal", json!({"choice": "Brief"}), "kies uit"),
        ("I.2", json!({"note": "x".repeat(2001)}), "te lang"),
    ];
    for (item, body, expected) in cases {
        let reply = live.put(&p, item, body.clone());
        assert_eq!(reply.status, 400, "{item} {body}");
        assert!(
            reply.fout().contains(expected),
            "{item} {body}: {}",
            reply.fout()
        );
    }
    let reply = live.send(
        "PUT",
        &live.api("answers/shift1"),
        &[("X-Participant", &p)],
        Some(("application/json", "{level: 3".into())),
    );
    assert_eq!(reply.status, 400);
    assert!(
        reply.fout().contains("JSON") && reply.fout().contains("regel 1 kolom 2"),
        "{}",
        reply.fout()
    );
    assert!(
        !reply.fout().contains("key must"),
        "Dutch, not serde's English"
    );
    let me = live.get(&live.api("me"), Some(&p)).json();
    assert_eq!(me["answers"], json!({}));
}

#[test]
fn closed_answering_is_409_and_reopening_works() {
    let live = start(questionnaire());
    let p = live.join("Anna");
    live.server.set_open(false);
    let reply = live.put(&p, "shift1", json!({"level": 1}));
    assert_eq!(reply.status, 409);
    assert!(reply.fout().contains("gesloten"), "{}", reply.fout());
    assert_eq!(
        live.json("POST", &live.api("join"), None, json!({"name": "B"}))
            .status,
        409
    );
    assert_eq!(
        live.send("POST", &live.api("done"), &[("X-Participant", &p)], None)
            .status,
        409
    );
    assert_eq!(live.get(&live.api("state"), None).json()["open"], false);
    // Reading still works: the page says it is closed.
    let page = live.send(
        "GET",
        &live.path,
        &[("Cookie", &format!("goudenoor_deelnemer={p}"))],
        None,
    );
    assert!(page.body.contains("gesloten"));
    live.server.set_open(true);
    assert_eq!(live.put(&p, "shift1", json!({"level": 1})).status, 204);
}

#[test]
fn a_body_over_16_kb_is_413() {
    let live = start(questionnaire());
    let p = live.join("Anna");
    let big = json!({"note": "x".repeat(17 * 1024)});
    let reply = live.put(&p, "shift1", big.clone());
    assert_eq!(reply.status, 413);
    assert!(reply.fout().contains("16 KB"), "{}", reply.fout());
    let reply = live.json(
        "POST",
        &live.api("join"),
        None,
        json!({"name": "x".repeat(17 * 1024)}),
    );
    assert_eq!(reply.status, 413);
    let form = format!("item=shift1&note={}", "x".repeat(17 * 1024));
    let reply = live.form(&format!("{}/answer", live.path), Some(&p), &form);
    assert_eq!(reply.status, 413);
}

#[test]
fn more_than_200_participants_is_429() {
    let live = start(questionnaire());
    for n in 0..MAX_PARTICIPANTS {
        live.join(&format!("P{n}"));
    }
    let reply = live.json("POST", &live.api("join"), None, json!({"name": "Te laat"}));
    assert_eq!(reply.status, 429);
    assert!(reply.fout().contains("vol"), "{}", reply.fout());
    // Removing someone makes room again.
    live.server.remove(ParticipantId(1));
    live.join("Nu wel");
}

#[test]
fn a_participant_only_sees_and_changes_their_own_answers() {
    let live = start(questionnaire());
    let anna = live.join("Anna");
    let bob = live.join("Bob");
    assert_eq!(live.put(&anna, "shift1", json!({"level": 4})).status, 204);
    assert_eq!(live.put(&bob, "shift1", json!({"level": 1})).status, 204);
    let me = live.get(&live.api("me"), Some(&bob)).json();
    assert_eq!(me["name"], "Bob");
    assert_eq!(me["answers"], json!({"shift1": {"level": 1}}));
    let me = live.get(&live.api("me"), Some(&anna)).json();
    assert_eq!(me["answers"], json!({"shift1": {"level": 4}}));
    // Nothing about others is in the public state or the page.
    let state = live.get(&live.api("state"), None).body;
    assert!(!state.contains("Anna") && !state.contains("Bob"));
    let page = live.send(
        "GET",
        &live.path,
        &[("Cookie", &format!("goudenoor_deelnemer={bob}"))],
        None,
    );
    assert!(page.body.contains("Bob") && !page.body.contains("Anna"));
}

#[test]
fn a_removed_participant_is_locked_out() {
    let live = start(questionnaire());
    let anna = live.join("Anna");
    let bob = live.join("Bob");
    live.server.remove(ParticipantId(1));
    assert_eq!(live.put(&anna, "shift1", json!({"level": 1})).status, 401);
    assert_eq!(live.get(&live.api("me"), Some(&anna)).status, 401);
    assert_eq!(live.put(&bob, "shift1", json!({"level": 1})).status, 204);
    let names: Vec<String> = live
        .server
        .snapshot()
        .participants
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Bob"]);
}

#[test]
fn done_is_reported() {
    let live = start(questionnaire());
    let p = live.join("Anna");
    assert_eq!(
        live.send("POST", &live.api("done"), &[("X-Participant", &p)], None)
            .status,
        204
    );
    assert!(
        live.get(&live.api("me"), Some(&p)).json()["done"]
            .as_bool()
            .unwrap()
    );
    assert!(live.server.snapshot().participants[0].done);
    let events = live.finish();
    assert_eq!(
        events.last(),
        Some(&LiveEvent::Done {
            participant: ParticipantId(1)
        })
    );
}

#[test]
fn the_warm_up_votes_then_reveals_the_definitions() {
    let live = start(questionnaire());
    let anna = live.join("Anna");
    let bob = live.join("Bob");
    let vote = |p: &str, n: usize, v: &str| {
        live.json(
            "PUT",
            &live.api(&format!("warmup/{n}")),
            Some(p),
            json!({ "vote": v }),
        )
    };
    // Not open yet.
    assert_eq!(vote(&anna, 1, "klacht").status, 409);
    live.server.set_warmup_phase(WarmupPhase::Voting);
    let page = live.send(
        "GET",
        &live.path,
        &[("Cookie", &format!("goudenoor_deelnemer={anna}"))],
        None,
    );
    assert!(page.body.contains("Een klant belt boos"));
    assert!(!page.body.contains("Elke uiting van ongenoegen"));
    assert_eq!(vote(&anna, 1, "klacht").status, 204);
    assert_eq!(vote(&bob, 1, "geen_klacht").status, 204);
    assert_eq!(vote(&bob, 1, "klacht").status, 204);
    assert_eq!(vote(&anna, 4, "geen_klacht").status, 204);
    assert_eq!(vote(&anna, 5, "klacht").status, 400);
    assert_eq!(vote(&anna, 0, "klacht").status, 400);
    let reply = vote(&anna, 2, "misschien");
    assert_eq!(reply.status, 400);
    assert!(reply.fout().contains("geen_klacht"), "{}", reply.fout());
    let state = live.get(&live.api("state"), None).json();
    assert_eq!(state["warmup"], "voting");
    assert_eq!(state["definitions"], Value::Null);
    let snapshot = live.server.snapshot();
    assert_eq!(
        snapshot.warmup,
        vec![
            WarmupTally {
                klacht: 2,
                geen_klacht: 0
            },
            WarmupTally::default(),
            WarmupTally::default(),
            WarmupTally {
                klacht: 0,
                geen_klacht: 1
            },
        ]
    );
    let me = live.get(&live.api("me"), Some(&anna)).json();
    assert_eq!(me["warmup"], json!(["klacht", null, null, "geen_klacht"]));

    live.server.set_warmup_phase(WarmupPhase::Revealed);
    assert_eq!(vote(&anna, 2, "klacht").status, 409);
    let state = live.get(&live.api("state"), None).json();
    assert_eq!(state["definitions"][0][1], "Elke uiting van ongenoegen");
    let page = live.send(
        "GET",
        &live.path,
        &[("Cookie", &format!("goudenoor_deelnemer={anna}"))],
        None,
    );
    assert!(page.body.contains("Elke uiting van ongenoegen"));

    let events = live.finish();
    let votes: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            LiveEvent::WarmupVote {
                participant,
                statement,
                vote,
            } => Some((participant.0, *statement, *vote)),
            _ => None,
        })
        .collect();
    assert_eq!(
        votes,
        [(1, 0, true), (2, 0, false), (2, 0, true), (1, 3, false)]
    );
}

#[test]
fn shared_results_reach_the_state_and_the_page() {
    let live = start(questionnaire());
    let p = live.join("Anna");
    let before = live.get(&live.api("state"), None).json()["version"]
        .as_u64()
        .unwrap();
    live.server.show_results(Some(TeamView {
        title: "Ronde 1".into(),
        lines: vec![TeamLine {
            label: "1 Klacht → Feedback".into(),
            text: "mediaan goed · spreiding aardig–prima <i>".into(),
        }],
    }));
    let state = live.get(&live.api("state"), None).json();
    assert!(state["version"].as_u64().unwrap() > before);
    assert_eq!(state["results"]["lines"][0]["label"], "1 Klacht → Feedback");
    let page = live.send(
        "GET",
        &live.path,
        &[("Cookie", &format!("goudenoor_deelnemer={p}"))],
        None,
    );
    assert!(
        page.body
            .contains("mediaan goed · spreiding aardig–prima &lt;i&gt;")
    );
    assert!(live.server.snapshot().results_shown);
    live.server.show_results(None);
    assert_eq!(
        live.get(&live.api("state"), None).json()["results"],
        Value::Null
    );
}

#[test]
fn what_people_typed_is_escaped_on_the_page() {
    let live = start(questionnaire());
    let p = live.join("<script>alert(1)</script>");
    assert_eq!(
        live.put(
            &p,
            "shift1",
            json!({"note": "</textarea><img src=x onerror=alert(1)>"})
        )
        .status,
        204
    );
    let page = live.send(
        "GET",
        &live.path,
        &[("Cookie", &format!("goudenoor_deelnemer={p}"))],
        None,
    );
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.body.contains("<script>alert"));
    assert!(!page.body.contains("<img src=x"));
    assert!(page.body.contains("Team &lt;b&gt;Klant&lt;/b&gt;"));
    assert!(page.body.contains("1 Verschuiving &lt;1&gt;"));
}

#[test]
fn the_page_works_without_javascript_through_forms() {
    let live = start(questionnaire());
    // Join by form: a redirect back with the cookie.
    let reply = live.form(&format!("{}/join", live.path), None, "name=Bob+Jansen");
    assert_eq!(reply.status, 303);
    assert_eq!(reply.header("location"), live.path);
    let cookie = reply.header("set-cookie");
    let p = cookie
        .strip_prefix("goudenoor_deelnemer=")
        .and_then(|c| c.split(';').next())
        .unwrap()
        .to_owned();
    assert!(cookie.contains(&format!("Path={}", live.path)));
    // The page now shows the questions as forms.
    let page = live.send(
        "GET",
        &live.path,
        &[("Cookie", &format!("goudenoor_deelnemer={p}"))],
        None,
    );
    assert!(page.body.contains("Bob Jansen"));
    assert!(
        page.body
            .contains(&format!("action=\"{}/answer\"", live.path))
    );
    assert!(
        page.body
            .contains("name=\"level\" value=\"3\" aria-pressed=\"false\"")
    );
    // Answer by form: stored, reported, a redirect back to the item.
    let reply = live.form(
        &format!("{}/answer", live.path),
        Some(&p),
        "item=shift2&level=3",
    );
    assert_eq!(reply.status, 303);
    assert_eq!(reply.header("location"), format!("{}#i-shift2", live.path));
    let reply = live.form(
        &format!("{}/answer", live.path),
        Some(&p),
        "item=I.1&status=met",
    );
    assert_eq!(reply.status, 303);
    assert_eq!(reply.header("location"), format!("{}#i-I.1", live.path));
    let reply = live.form(
        &format!("{}/answer", live.path),
        Some(&p),
        "item=pct&value=42",
    );
    assert_eq!(reply.status, 303);
    let reply = live.form(
        &format!("{}/answer", live.path),
        Some(&p),
        "item=shift2&note=Eerste+stap",
    );
    assert_eq!(reply.status, 303);
    let me = live.get(&live.api("me"), Some(&p)).json();
    assert_eq!(
        me["answers"]["shift2"],
        json!({"level": 3, "note": "Eerste stap"})
    );
    assert_eq!(me["answers"]["I.1"], json!({"status": "met"}));
    assert_eq!(me["answers"]["pct"], json!({"value": 42.0}));
    let page = live.send(
        "GET",
        &live.path,
        &[("Cookie", &format!("goudenoor_deelnemer={p}"))],
        None,
    );
    assert!(
        page.body
            .contains("name=\"level\" value=\"3\" aria-pressed=\"true\"")
    );
    assert!(page.body.contains("Eerste stap</textarea>"));
    // A bad value: a Dutch page with a way back, nothing stored.
    let reply = live.form(
        &format!("{}/answer", live.path),
        Some(&p),
        "item=shift2&level=9",
    );
    assert_eq!(reply.status, 400);
    assert!(reply.header("content-type").starts_with("text/html"));
    assert!(reply.body.contains("1 tot en met 4"));
    assert!(
        reply
            .body
            .contains(&format!("href=\"{}#i-shift2\"", live.path))
    );
    // Without the cookie: not signed in.
    let reply = live.form(
        &format!("{}/answer", live.path),
        None,
        "item=shift2&level=1",
    );
    assert_eq!(reply.status, 401);
    // Warm-up and done by form.
    live.server.set_warmup_phase(WarmupPhase::Voting);
    let reply = live.form(
        &format!("{}/warmup", live.path),
        Some(&p),
        "n=2&vote=geen_klacht",
    );
    assert_eq!(reply.status, 303);
    let reply = live.form(&format!("{}/done", live.path), Some(&p), "");
    assert_eq!(reply.status, 303);
    let page = live.send(
        "GET",
        &live.path,
        &[("Cookie", &format!("goudenoor_deelnemer={p}"))],
        None,
    );
    assert!(page.body.contains("Dank je wel"));
    let events = live.finish();
    assert!(events.contains(&LiveEvent::Answered {
        participant: ParticipantId(1),
        item: "shift2".into(),
        value: AnswerValue::Level(3)
    }));
    assert!(events.contains(&LiveEvent::WarmupVote {
        participant: ParticipantId(1),
        statement: 1,
        vote: false
    }));
    assert_eq!(
        events.last(),
        Some(&LiveEvent::Done {
            participant: ParticipantId(1)
        })
    );
}

#[test]
fn the_short_code_leads_to_the_page_and_wrong_codes_are_rate_limited() {
    let live = start(questionnaire());
    let root = live.get("/", None);
    assert_eq!(root.status, 200);
    assert!(root.body.contains("name=\"code\""));
    let code = live.server.short_code().to_lowercase();
    let reply = live.form("/", None, &format!("code={code}"));
    assert_eq!(reply.status, 303);
    assert_eq!(reply.header("location"), live.path);
    for n in 1..10 {
        let reply = live.form("/", None, "code=ZZZZZZZ");
        assert_eq!(reply.status, 400, "try {n}");
        assert!(reply.body.contains("klopt niet"));
        assert!(!reply.body.contains(&live.path));
    }
    let reply = live.form("/", None, "code=ZZZZZZZ");
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("retry-after"), "60");
    // Paused: even the right code waits now.
    let reply = live.form("/", None, &format!("code={code}"));
    assert_eq!(reply.status, 429);
    assert!(reply.body.contains("Wacht een minuut"));
}

#[test]
fn fifty_participants_answering_everything_at_once_lose_nothing() {
    let q = questionnaire();
    let live = Arc::new(start(q.clone()));
    let answers = Arc::new(full_answers(&q));
    let threads: Vec<_> = (0..50)
        .map(|n| {
            let live = Arc::clone(&live);
            let answers = Arc::clone(&answers);
            std::thread::spawn(move || {
                let p = live.join(&format!("Deelnemer nr {n}"));
                for (item, body, _) in answers.iter() {
                    let reply = live.put(&p, item, body.clone());
                    assert_eq!(reply.status, 204, "{}", reply.body);
                }
                let note = json!({ "note": format!("notitie van {n}") });
                assert_eq!(live.put(&p, "shift1", note).status, 204);
                p
            })
        })
        .collect();
    let tokens: Vec<String> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    for (n, p) in tokens.iter().enumerate() {
        let me = live.get(&live.api("me"), Some(p)).json();
        assert_eq!(me["answered"], 15, "{n}");
        assert_eq!(me["answers"]["shift9"], json!({"level": 2, "ambition": 4}));
        assert_eq!(me["answers"]["shift1"]["note"], format!("notitie van {n}"));
    }
    let snapshot = live.server.snapshot();
    assert_eq!(snapshot.participants.len(), 50);
    assert!(snapshot.participants.iter().all(|p| p.answered == 15));
    let live = Arc::into_inner(live).unwrap();
    let events = live.finish();
    let per_participant = answers.len() + 2;
    assert_eq!(events.len(), 50 * per_participant);
    for id in 1..=50u32 {
        let mine: Vec<&LiveEvent> = events
            .iter()
            .filter(|e| match e {
                LiveEvent::Joined { participant, .. } | LiveEvent::Answered { participant, .. } => {
                    participant.0 == id
                }
                _ => false,
            })
            .collect();
        assert_eq!(mine.len(), per_participant, "participant {id}");
        // In the order they happened: joined first, then the answers as sent.
        assert!(matches!(mine[0], LiveEvent::Joined { .. }));
        for ((item, _, value), event) in answers.iter().zip(&mine[1..]) {
            assert_eq!(
                *event,
                &LiveEvent::Answered {
                    participant: ParticipantId(id),
                    item: item.clone(),
                    value: value.clone()
                }
            );
        }
    }
}

#[test]
fn the_qr_code_is_drawn_with_half_blocks_and_a_quiet_zone() {
    let live = start(questionnaire());
    let lines = live.server.qr_lines();
    assert!(lines.len() > 10);
    let width = lines[0].chars().count();
    assert!(lines.iter().all(|l| l.chars().count() == width));
    assert!(lines.iter().all(|l| l.chars().all(|c| " ▀▄█".contains(c))));
    // Quiet zone: the first line and column are blank.
    assert!(lines[0].chars().all(|c| c == ' '));
    assert!(lines.iter().all(|l| l.starts_with(' ')));
    // Wide enough for the URL (version ≥ 3: 29 modules + 8 quiet).
    assert!(width >= 37, "{width}");
}

#[test]
fn stopping_frees_the_port_and_a_taken_port_is_a_dutch_error() {
    let live = start(questionnaire());
    let addr = live.server.local_addr();
    assert!(TcpStream::connect(addr).is_ok());
    let config = LiveConfig {
        bind: Some(addr.ip()),
        port: Some(addr.port()),
        anonymous: false,
    };
    let error = LiveServer::start(config, questionnaire(), |_| {})
        .err()
        .unwrap();
    assert!(error.to_string().contains("al in gebruik"), "{error}");
    live.finish();
    assert!(TcpStream::connect(addr).is_err());
}

#[test]
fn a_questionnaire_with_duplicate_ids_is_refused() {
    let mut q = questionnaire();
    let first = q.sections[0].items[0].clone();
    q.sections[1].items.push(first);
    let config = LiveConfig {
        bind: Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        port: Some(0),
        anonymous: false,
    };
    let error = LiveServer::start(config, q, |_| {}).err().unwrap();
    assert!(error.to_string().contains("shift1"), "{error}");
}

#[test]
fn a_client_that_never_finishes_its_headers_is_cut_off() {
    use std::io::{Read, Write};
    let live = start(questionnaire());
    let mut stream = TcpStream::connect(live.server.local_addr()).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    let started = std::time::Instant::now();
    let mut buffer = Vec::new();
    // The server closes the connection (with or without a 408) instead of waiting forever.
    let _ = stream.read_to_end(&mut buffer);
    let waited = started.elapsed();
    assert!(
        waited < std::time::Duration::from_secs(25),
        "still open after {waited:?}"
    );
}

#[test]
fn the_server_can_live_in_the_app_model_on_any_thread() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<LiveServer>();
    send_sync::<LiveEvent>();
    send_sync::<Questionnaire>();
    // And it answers from a thread other than the one that started it.
    let live = start(questionnaire());
    let server = live.server;
    let handle = std::thread::spawn(move || {
        server.set_open(false);
        server.snapshot().open
    });
    assert!(!handle.join().unwrap());
}
