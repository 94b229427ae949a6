//! Radar geometry shared by the terminal radar and the SVG one: spokes start at the
//! top and go clockwise; level 0 is the centre, the outer ring is the highest level.

use std::f64::consts::{FRAC_PI_2, TAU};

/// The angle of spoke `index` of `count`, in radians, counter-clockwise from the x-axis.
pub fn spoke_angle(index: usize, count: usize) -> f64 {
    FRAC_PI_2 - TAU * index as f64 / count.max(1) as f64
}

/// The point of `value` on spoke `index`, on a radar of radius 1 whose outer ring is `max`
/// (y points up).
pub fn point(index: usize, count: usize, value: f64, max: f64) -> (f64, f64) {
    let angle = spoke_angle(index, count);
    let r = value / max;
    (r * angle.cos(), r * angle.sin())
}

/// Where a label sits relative to its spoke end: how much of the label's width lies to
/// the left of the anchor (0 = starts there, 0.5 = centred, 1 = ends there).
pub fn label_alignment(index: usize, count: usize) -> f64 {
    let x = spoke_angle(index, count).cos();
    if x > 0.2 {
        0.0
    } else if x < -0.2 {
        1.0
    } else {
        0.5
    }
}

/// The segments of a polygon over spokes with optional values: consecutive answered
/// spokes are joined; a spoke without a value breaks the line, so an unanswered shift
/// is never drawn as a point at the centre.
pub fn polygon_segments(values: &[Option<f64>], max: f64) -> Vec<((f64, f64), (f64, f64))> {
    let n = values.len();
    if n < 2 {
        return Vec::new();
    }
    (0..n)
        .filter_map(|i| {
            let j = (i + 1) % n;
            match (values[i], values[j]) {
                (Some(a), Some(b)) if n > 2 || i == 0 => {
                    Some((point(i, n, a, max), point(j, n, b, max)))
                }
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_spoke_points_up_and_the_next_goes_clockwise() {
        let (x, y) = point(0, 4, 4.0, 4.0);
        assert!(x.abs() < 1e-9 && (y - 1.0).abs() < 1e-9);
        let (x, y) = point(1, 4, 2.0, 4.0);
        assert!((x - 0.5).abs() < 1e-9 && y.abs() < 1e-9);
    }

    #[test]
    fn unanswered_spokes_break_the_polygon() {
        let values = [Some(1.0), Some(2.0), None, Some(3.0)];
        // 0-1 and 3-0 are joined; 1-2 and 2-3 are not.
        assert_eq!(polygon_segments(&values, 4.0).len(), 2);
        let all = [Some(1.0); 9];
        assert_eq!(polygon_segments(&all, 4.0).len(), 9);
    }

    #[test]
    fn labels_on_the_left_end_at_their_anchor() {
        assert_eq!(label_alignment(0, 9), 0.5);
        assert_eq!(label_alignment(2, 9), 0.0);
        assert_eq!(label_alignment(7, 9), 1.0);
    }
}
