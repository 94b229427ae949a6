//! The radar widget drawn into a Buffer for known inputs.

use goudenoor::ui::Theme;
use goudenoor::ui::radar::Radar;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

fn labels() -> Vec<String> {
    [
        "1 Feedback",
        "2 Beleving",
        "3 Klant als mens",
        "4 Luisterende organisatie",
        "5 Ruimte",
        "6 Klantreis",
        "7 Cultuur",
        "8 Continu leren",
        "9 Luistercultuur",
    ]
    .map(String::from)
    .to_vec()
}

fn radar(current: [Option<u8>; 9], ambition: [Option<u8>; 9]) -> Radar {
    Radar {
        labels: labels(),
        current: current.to_vec(),
        ambition: ambition.to_vec(),
        bands: Vec::new(),
        max: 4,
        earlier: false,
        theme: Theme { color: true },
    }
}

fn draw(radar: &Radar, width: u16, height: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    radar.render(buf.area, &mut buf);
    buf
}

fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rows and columns of cells drawn in `color`.
fn cells_in(buf: &Buffer, color: Color) -> Vec<(u16, u16)> {
    let mut cells = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].fg == color
                && buf[(x, y)]
                    .symbol()
                    .chars()
                    .any(|c| ('\u{2800}'..='\u{28ff}').contains(&c))
            {
                cells.push((x, y));
            }
        }
    }
    cells
}

fn extent(cells: &[(u16, u16)]) -> (u16, u16) {
    let xs = cells.iter().map(|c| c.0);
    let ys = cells.iter().map(|c| c.1);
    (
        xs.clone().max().unwrap() - xs.min().unwrap(),
        ys.clone().max().unwrap() - ys.min().unwrap(),
    )
}

#[test]
fn all_aardig_is_a_small_polygon_and_all_goud_fills_the_outer_ring() {
    let small = draw(&radar([Some(1); 9], [None; 9]), 100, 40);
    let large = draw(&radar([Some(4); 9], [None; 9]), 100, 40);
    let (sw, sh) = extent(&cells_in(&small, Color::Magenta));
    let (lw, lh) = extent(&cells_in(&large, Color::Magenta));
    assert!(
        lw > 3 * sw && lh > 3 * sh,
        "aardig {sw}×{sh}, goud {lw}×{lh}"
    );
    // Round on screen: about twice as many columns as rows (cells are twice as tall).
    let ratio = f64::from(lw) / f64::from(lh);
    assert!((1.6..2.6).contains(&ratio), "width/height {ratio}");
}

#[test]
fn every_label_is_shown_in_full_when_there_is_room() {
    let buf = draw(&radar([Some(2); 9], [None; 9]), 160, 40);
    let screen = text(&buf);
    for label in labels() {
        assert!(screen.contains(&label), "{label} missing:\n{screen}");
    }
}

#[test]
fn labels_are_shortened_to_numbers_when_tight_and_never_clipped() {
    let buf = draw(&radar([Some(2); 9], [None; 9]), 36, 16);
    let screen = text(&buf);
    for n in 1..=9 {
        assert!(screen.contains(&n.to_string()), "{n} missing:\n{screen}");
    }
    assert!(!screen.contains("Feedback"));
}

#[test]
fn ambition_is_drawn_in_its_own_colour() {
    let buf = draw(&radar([Some(2); 9], [Some(4); 9]), 100, 40);
    assert!(!cells_in(&buf, Color::Green).is_empty());
    assert!(!cells_in(&buf, Color::Magenta).is_empty());
    let (aw, _) = extent(&cells_in(&buf, Color::Green));
    let (cw, _) = extent(&cells_in(&buf, Color::Magenta));
    assert!(
        aw > cw,
        "the ambition (goud) lies outside the current level (goed)"
    );
}

#[test]
fn unanswered_shifts_get_no_point_and_a_question_mark() {
    let mut current = [Some(3); 9];
    current[4] = None;
    let buf = draw(&radar(current, [None; 9]), 160, 40);
    let screen = text(&buf);
    assert!(screen.contains("5 Ruimte?"), "{screen}");
    assert!(
        screen.contains("4 Luisterende organisatie")
            && !screen.contains("4 Luisterende organisatie?")
    );
    // Nothing of the current level is drawn at the centre.
    let (cx, cy) = (80u16, 20u16);
    assert!(
        cells_in(&buf, Color::Magenta)
            .iter()
            .all(|(x, y)| x.abs_diff(cx) > 2 || y.abs_diff(cy) > 1)
    );
}

#[test]
fn nothing_answered_draws_only_the_rings() {
    let buf = draw(&radar([None; 9], [None; 9]), 100, 40);
    assert!(cells_in(&buf, Color::Magenta).is_empty());
    assert!(
        !cells_in(&buf, Color::DarkGray).is_empty(),
        "rings and spokes"
    );
}

#[test]
fn a_tiny_area_says_so_instead_of_drawing() {
    for (w, h) in [(1, 1), (10, 3), (20, 5)] {
        let buf = draw(&radar([Some(2); 9], [None; 9]), w, h);
        assert!(cells_in(&buf, Color::Magenta).is_empty());
    }
    let buf = draw(&radar([Some(2); 9], [None; 9]), 40, 3);
    assert!(text(&buf).contains("te weinig ruimte"));
}

#[test]
fn team_bands_are_drawn_for_spreads() {
    let mut r = radar([Some(2); 9], [None; 9]);
    r.bands = vec![Some((1, 4)); 9];
    let buf = draw(&r, 100, 40);
    assert!(!cells_in(&buf, Color::Cyan).is_empty());
}

#[test]
fn known_inputs_snapshot() {
    let mixed = radar(
        [
            Some(1),
            Some(2),
            Some(3),
            Some(4),
            Some(2),
            None,
            Some(3),
            Some(1),
            Some(2),
        ],
        [
            Some(3),
            Some(3),
            Some(4),
            Some(4),
            Some(3),
            Some(3),
            None,
            Some(2),
            Some(3),
        ],
    );
    insta::assert_snapshot!("radar_mixed_70x24", text(&draw(&mixed, 70, 24)));
    insta::assert_snapshot!("radar_mixed_36x16", text(&draw(&mixed, 36, 16)));
}

#[test]
fn without_colour_nothing_is_coloured_and_the_shape_is_still_drawn() {
    let mut r = radar([Some(2); 9], [Some(4); 9]);
    r.theme = Theme { color: false };
    let buf = draw(&r, 100, 40);
    for y in 0..40 {
        for x in 0..100 {
            assert_eq!(buf[(x, y)].fg, Color::Reset, "({x}, {y})");
        }
    }
    assert!(!cells_in(&buf, Color::Reset).is_empty());
}
