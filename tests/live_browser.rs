//! The participant page in a real browser (headless Chromium through chromedriver, at a
//! 390×844 phone viewport): join, answer two shifts and a criterion, reload, and find the
//! answers kept, on the page and in the events the app received.
//!
//! Ignored by default so that `cargo test` needs no browser; `.ci/run` installs Debian's
//! `chromium` and `chromium-driver` and runs it with `--ignored`. Screenshots at phone
//! (390×844, 360×780) and laptop (1280×800) size go to `$LIVE_SCREENSHOTS` (default: the
//! temporary directory) as `live-*.png`.

use fantoccini::{ClientBuilder, Locator};
use goudenoor::live::{
    AnswerValue, LiveConfig, LiveEvent, LiveServer, ParticipantId, QItem, QKind, QSection,
    Questionnaire, TeamLine, TeamView, Warmup, WarmupPhase,
};
use serde_json::json;
use std::net::{IpAddr, Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn questionnaire() -> Questionnaire {
    let levels = ["aardig", "goed", "prima", "goud"];
    let shifts = [
        "Klacht → Feedback",
        "Afhandelen → Leren",
        "Regels → Relatie",
        "Achteraf → Vooraf",
        "Afdeling → Organisatie",
        "Reactief → Proactief",
        "Intern → Extern",
        "Meten → Verbeteren",
        "Systeem → Mens",
    ];
    let shift_items = shifts
        .iter()
        .enumerate()
        .map(|(n, name)| QItem {
            id: format!("shift{}", n + 1),
            label: format!("{} {name}", n + 1),
            text: Some("Hoe kijkt de organisatie naar wat klanten melden?".into()),
            kind: QKind::Scale {
                levels: levels.iter().map(|s| s.to_string()).collect(),
                statements: vec![
                    "We handelen klachten netjes af volgens de procedure.".into(),
                    "We zien klachten als kans en leren van de belangrijkste.".into(),
                    "Feedback stuurt verbeteringen in de hele organisatie.".into(),
                    "Klanten denken structureel mee; feedback is onderdeel van de cultuur.".into(),
                ],
                ambition: true,
            },
        })
        .collect();
    let criterion = |id: &str, text: &str| QItem {
        id: id.into(),
        label: id.into(),
        text: Some(text.into()),
        kind: QKind::Criterion,
    };
    Questionnaire {
        title: "Gemeente Voorbeeld — klantcontact".into(),
        anonymous: false,
        sections: vec![
            QSection {
                title: "De negen verschuivingen".into(),
                intro: Some(
                    "Tik per verschuiving aan waar jullie nu staan en waar je heen wilt.".into(),
                ),
                items: shift_items,
            },
            QSection {
                title: "Normenkader deel I".into(),
                intro: None,
                items: vec![
                    criterion("I.1", "Er is een vastgesteld klachtbeleid dat openbaar is."),
                    criterion("I.2", "Medewerkers weten wat een klacht is."),
                ],
            },
            QSection {
                title: "Andere instrumenten".into(),
                intro: Some("Een checklist, een percentage, een cijfer en een keuze.".into()),
                items: vec![
                    QItem {
                        id: "chk1".into(),
                        label: "Checklist 1".into(),
                        text: Some("De klachtenregeling staat op de website.".into()),
                        kind: QKind::Check,
                    },
                    QItem {
                        id: "pct".into(),
                        label: "IV.4".into(),
                        text: Some(
                            "Welk deel van de klachten is binnen de termijn afgehandeld?".into(),
                        ),
                        kind: QKind::Number {
                            unit: "%".into(),
                            min: 0.0,
                            max: 100.0,
                            whole: true,
                        },
                    },
                    QItem {
                        id: "cijfer".into(),
                        label: "Cijfer".into(),
                        text: Some("Hoe tevreden ben je over de afhandeling?".into()),
                        kind: QKind::Rating { min: 1, max: 5 },
                    },
                    QItem {
                        id: "kanaal".into(),
                        label: "Kanaal".into(),
                        text: Some("Via welk kanaal komen de meeste klachten binnen?".into()),
                        kind: QKind::Choice {
                            options: vec!["Telefoon".into(), "E-mail".into(), "Balie".into()],
                        },
                    },
                ],
            },
        ],
        warmup: Some(Warmup {
            statements: vec![
                "Een klant mailt dat de wachttijd aan de telefoon te lang is.".into(),
                "Een bewoner vraagt wanneer het grofvuil wordt opgehaald.".into(),
            ],
            definitions: vec![(
                "Awb 9:1".into(),
                "Een gedraging van een bestuursorgaan waarover iemand zijn ongenoegen uit.".into(),
            )],
        }),
    }
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// chromedriver on a free port; killed on drop.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        assert!(
            Path::new(CHROMEDRIVER).exists() && Path::new(CHROMIUM).exists(),
            "{CHROMEDRIVER} or {CHROMIUM} is missing: install them with \
             `apt-get install -y chromium chromium-driver` (.ci/run does this)"
        );
        let port = free_port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen within 20 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn screenshot_dir() -> PathBuf {
    std::env::var_os("LIVE_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir)
}

async fn pressed(client: &fantoccini::Client, selector: &str) -> bool {
    let element = client.find(Locator::Css(selector)).await.unwrap();
    element.attr("aria-pressed").await.unwrap().as_deref() == Some("true")
}

/// Waits until the button is shown as chosen (the page saved it).
async fn wait_pressed(client: &fantoccini::Client, selector: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !pressed(client, selector).await {
        if Instant::now() >= deadline {
            save_screenshot(client, "failure").await;
            eprintln!("at {}", client.current_url().await.unwrap());
        }
        assert!(
            Instant::now() < deadline,
            "{selector} was not marked as chosen within 10 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn tap(client: &fantoccini::Client, selector: &str) {
    let element = client.find(Locator::Css(selector)).await.unwrap();
    client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&element).unwrap()],
        )
        .await
        .unwrap();
    element.click().await.unwrap();
    wait_pressed(client, selector).await;
}

async fn save_screenshot(client: &fantoccini::Client, name: &str) -> PathBuf {
    let png = client.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    let path = screenshot_dir().join(format!("live-{name}.png"));
    std::fs::write(&path, png).unwrap();
    path
}

async fn viewport(client: &fantoccini::Client) -> (u64, u64) {
    let size = client
        .execute(
            "return [window.innerWidth, document.documentElement.scrollWidth];",
            vec![],
        )
        .await
        .unwrap();
    (size[0].as_u64().unwrap(), size[1].as_u64().unwrap())
}

/// The browser profile of the sessions `width` pixels wide, in the temporary directory.
fn profile_dir(width: u32) -> PathBuf {
    std::env::temp_dir().join(format!(
        "goudenoor-live-browser-{}-{width}",
        std::process::id()
    ))
}

/// A fresh browser session (own profile) whose viewport is `width`×`height`: phones by
/// Chromium's mobile emulation (headless windows are at least 500 wide), laptops by size.
async fn session(driver: &Driver, width: u32, height: u32) -> fantoccini::Client {
    let profile = profile_dir(width);
    let _ = std::fs::remove_dir_all(&profile);
    let mut options = json!({
        "binary": CHROMIUM,
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run",
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.display()),
        ],
    });
    if width < 500 {
        options["mobileEmulation"] = json!({
            "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0, "touch": true }
        });
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a chromedriver session")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver; .ci/run runs it with --ignored"]
async fn a_participant_answers_on_a_phone_and_a_reload_keeps_everything() {
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&events);
    let config = LiveConfig {
        bind: Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        port: Some(0),
        anonymous: false,
    };
    let server = LiveServer::start(config, questionnaire(), move |e: LiveEvent| {
        sink.lock().unwrap().push(e)
    })
    .unwrap();
    let url = server.join_url();

    let driver = Driver::start();
    let client = session(&driver, 390, 844).await;
    client.goto(&url).await.unwrap();
    let (width, scroll_width) = viewport(&client).await;
    assert_eq!(width, 390, "a 390 pixel wide phone viewport");
    assert!(
        scroll_width <= width,
        "no sideways scrolling: {scroll_width}"
    );
    save_screenshot(&client, "join-390").await;

    // Join.
    let name = client.find(Locator::Css("#naam")).await.unwrap();
    name.send_keys("Anna").await.unwrap();
    client
        .find(Locator::Css("form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("article.item"))
        .await
        .expect("the questions after joining");

    // Two shifts and a criterion, each saved at once by the page's script.
    tap(&client, "[id='i-shift1'] button[name=level][value='2']").await;
    tap(&client, "[id='i-shift1'] button[name=ambition][value='4']").await;
    tap(&client, "[id='i-shift2'] button[name=level][value='3']").await;
    tap(&client, "[id='i-I.1'] button[name=status][value='met']").await;
    // The script did it (a form post would have moved to #i-…): the CSP let it run.
    let current = client.current_url().await.unwrap();
    assert_eq!(current.fragment(), None, "{current}");
    let progress = client
        .find(Locator::Css("#voortgang-tekst"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(progress, "3 van 15 beantwoord");

    client
        .execute("window.scrollTo(0, 0);", vec![])
        .await
        .unwrap();
    save_screenshot(&client, "answers-390").await;

    // Reload: everything is still there, from the laptop.
    client.refresh().await.unwrap();
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("article.item"))
        .await
        .unwrap();
    for selector in [
        "[id='i-shift1'] button[name=level][value='2']",
        "[id='i-shift1'] button[name=ambition][value='4']",
        "[id='i-shift2'] button[name=level][value='3']",
        "[id='i-I.1'] button[name=status][value='met']",
    ] {
        assert!(pressed(&client, selector).await, "{selector} after reload");
    }
    assert!(!pressed(&client, "[id='i-shift1'] button[name=level][value='1']").await);

    // The warm-up appears when the facilitator opens it (the page polls), and a vote counts.
    server.set_warmup_phase(WarmupPhase::Voting);
    client
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css("#opwarmer"))
        .await
        .expect("the warm-up after the facilitator opened it");
    tap(&client, "#opwarmer button[name=vote][value='klacht']").await;
    client
        .execute("window.scrollTo(0, 0);", vec![])
        .await
        .unwrap();
    save_screenshot(&client, "warmup-390").await;
    assert_eq!(server.snapshot().warmup[0].klacht, 1);

    client.close().await.unwrap();

    // A second participant on a 360 pixel phone, and a third on a laptop.
    for (who, width, height) in [("Bram", 360, 780), ("Chris", 1280, 800)] {
        let other = session(&driver, width, height).await;
        other.goto(&url).await.unwrap();
        other
            .find(Locator::Css("#naam"))
            .await
            .unwrap()
            .send_keys(who)
            .await
            .unwrap();
        other
            .find(Locator::Css("form button[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        other
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css("article.item"))
            .await
            .unwrap();
        tap(&other, "[id='i-shift1'] button[name=level][value='3']").await;
        tap(&other, "[id='i-I.2'] button[name=status][value='open']").await;
        tap(&other, "[id='i-chk1'] button[name=status][value='deels']").await;
        tap(&other, "[id='i-cijfer'] button[name=level][value='4']").await;
        tap(
            &other,
            "[id='i-kanaal'] button[name=choice][value='E-mail']",
        )
        .await;
        let percentage = other.find(Locator::Css("[id='v-pct']")).await.unwrap();
        percentage.send_keys("85").await.unwrap();
        other
            .find(Locator::Css("[id='i-pct'] form button[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let card = other.find(Locator::Css("[id='i-pct']")).await.unwrap();
            if card.attr("data-beantwoord").await.unwrap().as_deref() == Some("1") {
                break;
            }
            assert!(Instant::now() < deadline, "the percentage was not saved");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        other
            .execute(
                "document.getElementById('i-chk1').scrollIntoView();",
                vec![],
            )
            .await
            .unwrap();
        save_screenshot(&other, &format!("other-{width}")).await;
        let (inner, scroll_width) = viewport(&other).await;
        assert_eq!(inner, width as u64);
        assert!(
            scroll_width <= inner,
            "no sideways scrolling at {width} pixels: {scroll_width}"
        );
        other
            .execute("window.scrollTo(0, 0);", vec![])
            .await
            .unwrap();
        save_screenshot(&other, &format!("answers-{width}")).await;
        other
            .execute("document.getElementById('i-I.1').scrollIntoView();", vec![])
            .await
            .unwrap();
        save_screenshot(&other, &format!("criterion-{width}")).await;
        other.close().await.unwrap();
    }

    // Bram's and Chris's answers to the other kinds reached the server.
    for id in [ParticipantId(2), ParticipantId(3)] {
        let answers = server.answers(id).unwrap();
        assert_eq!(answers["pct"].value, Some(85.0));
        assert_eq!(answers["cijfer"].level, Some(4));
        assert_eq!(answers["kanaal"].choice.as_deref(), Some("E-mail"));
        assert_eq!(answers["chk1"].status.as_deref(), Some("deels"));
    }

    // The short code at the root page leads to the workshop; then the facilitator
    // closes answering, reveals the definitions and shares the team's result.
    let phone = session(&driver, 390, 844).await;
    phone.goto(&server.code_url()).await.unwrap();
    save_screenshot(&phone, "code-390").await;
    phone
        .find(Locator::Css("#code"))
        .await
        .unwrap()
        .send_keys(&server.short_code().to_lowercase())
        .await
        .unwrap();
    phone
        .find(Locator::Css("button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    phone
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("#naam"))
        .await
        .expect("the join form after the short code");
    assert_eq!(phone.current_url().await.unwrap().as_str(), url);
    phone
        .find(Locator::Css("#naam"))
        .await
        .unwrap()
        .send_keys("Dirk")
        .await
        .unwrap();
    phone
        .find(Locator::Css("form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    phone
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("article.item"))
        .await
        .unwrap();
    server.set_warmup_phase(WarmupPhase::Revealed);
    server.show_results(Some(TeamView {
        title: "Ronde 1 — 4 deelnemers".into(),
        lines: vec![
            TeamLine {
                label: "1 Klacht → Feedback".into(),
                text: "mediaan goed · spreiding goed–prima".into(),
            },
            TeamLine {
                label: "I.1 Klachtbeleid".into(),
                text: "2 × ja · 0 × nee · 0 × weet niet".into(),
            },
        ],
    }));
    server.set_open(false);
    phone
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css("#resultaat"))
        .await
        .expect("the shared result after the page polled");
    let text = phone
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.contains("Het invullen is gesloten"), "{text}");
    assert!(
        text.contains("mediaan goed · spreiding goed–prima"),
        "{text}"
    );
    assert!(text.contains("ongenoegen"), "{text}");
    let disabled = phone
        .find(Locator::Css("[id='i-shift1'] button[name=level]"))
        .await
        .unwrap()
        .prop("disabled")
        .await
        .unwrap();
    assert_eq!(disabled.as_deref(), Some("true"));
    save_screenshot(&phone, "closed-390").await;
    phone
        .execute(
            "document.getElementById('opwarmer').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    save_screenshot(&phone, "revealed-390").await;
    phone.close().await.unwrap();

    drop(driver);
    server.stop();
    for width in [390, 360, 1280] {
        let _ = std::fs::remove_dir_all(profile_dir(width));
    }

    // Anna's events, in order (Bram and Chris come after her).
    let events: Vec<LiveEvent> = events.lock().unwrap().iter().take(6).cloned().collect();
    let anna = ParticipantId(1);
    let answered = |item: &str, value: AnswerValue| LiveEvent::Answered {
        participant: anna,
        item: item.into(),
        value,
    };
    assert_eq!(
        events,
        vec![
            LiveEvent::Joined {
                participant: anna,
                name: "Anna".into()
            },
            answered("shift1", AnswerValue::Level(2)),
            answered("shift1", AnswerValue::Ambition(4)),
            answered("shift2", AnswerValue::Level(3)),
            answered("I.1", AnswerValue::Status("met".into())),
            LiveEvent::WarmupVote {
                participant: anna,
                statement: 0,
                vote: true
            },
        ]
    );
}
