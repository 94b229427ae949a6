//! The live workshop server under load: 200 participants × 30 answers over HTTP on
//! 127.0.0.1. Prints the request times (goal: 99th percentile under 20 ms) and how long
//! until the last event reached the app's callback; then criterion times one answer.
//!
//! Run: `cargo bench --bench live`.

use criterion::{Criterion, criterion_group, criterion_main};
use goudenoor::live::{LiveConfig, LiveServer, QItem, QKind, QSection, Questionnaire};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use ureq::http::Request;

const PARTICIPANTS: usize = 200;
const ANSWERS: usize = 30;
/// Client threads; each plays 10 participants, taking turns (phones wait for people).
const CLIENTS: usize = 20;

fn questionnaire() -> Questionnaire {
    let levels: Vec<String> = ["aardig", "goed", "prima", "goud"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut items: Vec<QItem> = (1..=9)
        .map(|n| QItem {
            id: format!("shift{n}"),
            label: format!("{n}"),
            text: None,
            kind: QKind::Scale {
                levels: levels.clone(),
                statements: levels.clone(),
                ambition: true,
            },
        })
        .collect();
    items.extend((1..=ANSWERS - 9).map(|n| QItem {
        id: format!("C.{n}"),
        label: format!("C.{n}"),
        text: None,
        kind: QKind::Criterion,
    }));
    Questionnaire {
        title: "Belasting".into(),
        anonymous: false,
        sections: vec![QSection {
            title: "Alles".into(),
            intro: None,
            items,
        }],
        warmup: None,
    }
}

/// The 30 answers one participant gives: (item, JSON body).
fn answers() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = (1..=9)
        .map(|n| (format!("shift{n}"), format!("{{\"level\": {}}}", n % 4 + 1)))
        .collect();
    out.extend((1..=ANSWERS - 9).map(|n| (format!("C.{n}"), "{\"status\": \"met\"}".to_owned())));
    out
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn start(events: Arc<Mutex<(usize, Option<Instant>)>>) -> LiveServer {
    let config = LiveConfig {
        bind: Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        port: Some(0),
        anonymous: false,
    };
    LiveServer::start(config, questionnaire(), move |_| {
        let mut e = events.lock().unwrap();
        e.0 += 1;
        e.1 = Some(Instant::now());
    })
    .unwrap()
}

fn join(agent: &ureq::Agent, url: &str, name: &str) -> String {
    let request = Request::post(format!("{url}/api/join"))
        .header("Content-Type", "application/json")
        .body(format!("{{\"name\": \"{name}\"}}"))
        .unwrap();
    let body = agent
        .run(request)
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    json["participant"].as_str().unwrap().to_owned()
}

fn put(agent: &ureq::Agent, url: &str, participant: &str, item: &str, body: &str) {
    let request = Request::put(format!("{url}/api/answers/{item}"))
        .header("Content-Type", "application/json")
        .header("X-Participant", participant)
        .body(body.to_owned())
        .unwrap();
    let response = agent.run(request).unwrap();
    assert_eq!(response.status(), 204);
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

/// 200 participants × 30 answers at once; prints the figures.
fn load(_: &mut Criterion) {
    let events = Arc::new(Mutex::new((0usize, None)));
    let server = start(Arc::clone(&events));
    let url = server.join_url();
    let answers = Arc::new(answers());
    let started = Instant::now();
    let threads: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let url = url.clone();
            let answers = Arc::clone(&answers);
            std::thread::spawn(move || {
                let agent = agent();
                let mut times = Vec::with_capacity(PARTICIPANTS / CLIENTS * (ANSWERS + 1));
                let mut people = Vec::new();
                for n in 0..PARTICIPANTS / CLIENTS {
                    let t = Instant::now();
                    people.push(join(&agent, &url, &format!("Deelnemer {client}-{n}")));
                    times.push(t.elapsed());
                }
                for (item, body) in answers.iter() {
                    for participant in &people {
                        let t = Instant::now();
                        put(&agent, &url, participant, item, body);
                        times.push(t.elapsed());
                    }
                }
                (times, Instant::now())
            })
        })
        .collect();
    let mut times = Vec::new();
    let mut last_response = started;
    for thread in threads {
        let (t, done) = thread.join().unwrap();
        times.extend(t);
        last_response = last_response.max(done);
    }
    let all_answered = started.elapsed();
    server.stop();
    let (count, last_event) = *events.lock().unwrap();
    let last_event = last_event.unwrap();
    times.sort();
    let expected = PARTICIPANTS * (ANSWERS + 1);
    assert_eq!(
        count, expected,
        "every join and answer reached the callback"
    );
    println!(
        "live load: {PARTICIPANTS} participants × {ANSWERS} answers ({} requests, {CLIENTS} client threads) in {:.0} ms",
        times.len(),
        all_answered.as_secs_f64() * 1000.0
    );
    println!(
        "live load: request time p50 {:.2} ms, p99 {:.2} ms (goal < 20 ms), max {:.2} ms",
        percentile(&times, 0.50).as_secs_f64() * 1000.0,
        percentile(&times, 0.99).as_secs_f64() * 1000.0,
        times.last().unwrap().as_secs_f64() * 1000.0
    );
    println!(
        "live load: last event reached the callback {:.0} ms after the start, {:.2} ms after the last response",
        last_event.duration_since(started).as_secs_f64() * 1000.0,
        last_event
            .saturating_duration_since(last_response)
            .as_secs_f64()
            * 1000.0
    );
}

/// One answer over a kept-alive connection.
fn one_answer(c: &mut Criterion) {
    let events = Arc::new(Mutex::new((0usize, None)));
    let server = start(events);
    let url = server.join_url();
    let agent = agent();
    let participant = join(&agent, &url, "Anna");
    c.bench_function("live: one answer (PUT, 204)", |b| {
        b.iter(|| put(&agent, &url, &participant, "shift1", "{\"level\": 3}"))
    });
    server.stop();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = load, one_answer
}
criterion_main!(benches);
