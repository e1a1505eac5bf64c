//! The chart of withdrawal reasons per month, drawn on the server as inline SVG so that it
//! reads without JavaScript: one horizontal bar per month, made of one segment per reason
//! (stacked left to right in the legend's order), the month on the left and the month's total
//! on the right. Horizontal bars keep the month labels readable on a phone, as on the sales
//! page.
//!
//! This module only does the geometry (in the units of the SVG's `viewBox`); the template
//! draws it and adds the title, the description, the legend and the table of the same numbers.

/// Width of the drawing.
const WIDTH: i64 = 340;
/// Width of the month labels' column (「2026年10月」); the bars start where it ends.
const LABEL_COLUMN: i64 = 84;
/// Width of the totals' column on the right.
const TOTAL_COLUMN: i64 = 40;
/// Gap between a label and the bar area.
const LABEL_GAP: i64 = 8;
/// Height of one month's row, and of its bar within it.
const ROW: i64 = 28;
const BAR: i64 = 18;
/// Space above the first row and below the last.
const PAD: i64 = 6;

/// One colour per reason, in the order of `ReasonChoice::ALL`: the Okabe–Ito palette, which
/// stays distinguishable with the common kinds of colour blindness. The legend and each
/// segment's tooltip name the reason too, so colour is never the only cue.
pub const PALETTE: [&str; 6] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9",
];

/// The colour of series `index` (wrapping, should there ever be more reasons than colours).
pub fn colour(index: usize) -> &'static str {
    PALETTE[index % PALETTE.len()]
}

/// One month as the chart shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The month, e.g. 「2026年7月」.
    pub label: String,
    /// One count per series, in the series' order.
    pub values: Vec<i64>,
}

/// One reason's part of a month's bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Which series (reason) it is.
    pub series: usize,
    pub colour: &'static str,
    pub count: i64,
    pub x: i64,
    pub width: i64,
}

/// A month's bar and where its texts go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub total: i64,
    pub y: i64,
    pub height: i64,
    /// The vertical middle of the row, where both texts sit.
    pub text_y: i64,
    /// Only the segments with a count: a month without reasons has none.
    pub segments: Vec<Segment>,
}

/// The whole drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StackedChart {
    pub width: i64,
    pub height: i64,
    /// Where the month labels end (they are right-aligned to it).
    pub label_x: i64,
    /// Where the totals end (right-aligned).
    pub total_x: i64,
    /// The left edge of the bars: the chart's axis.
    pub axis_x: i64,
    pub rows: Vec<Row>,
}

/// Lays out one stacked bar per entry, top to bottom in the order given. The longest bar is
/// the month with the largest total. Segment edges are rounded from the running total, so the
/// segments of a bar always meet and the bar is exactly as long as its total says.
pub fn stacked_bars(entries: Vec<Entry>) -> StackedChart {
    let plot = WIDTH - LABEL_COLUMN - TOTAL_COLUMN;
    let totals: Vec<i64> = entries
        .iter()
        .map(|e| e.values.iter().map(|v| (*v).max(0)).sum())
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0);
    // Rounded to the nearest unit; no float needed.
    let scale = |n: i64| {
        if max <= 0 {
            0
        } else {
            (n * plot + max / 2) / max
        }
    };
    let rows: Vec<Row> = entries
        .into_iter()
        .zip(totals)
        .zip(0_i64..)
        .map(|((e, total), row)| {
            let mut running = 0;
            let mut segments = Vec::new();
            for (series, count) in e.values.iter().map(|v| (*v).max(0)).enumerate() {
                let start = scale(running);
                running += count;
                let end = scale(running);
                if count > 0 {
                    segments.push(Segment {
                        series,
                        colour: colour(series),
                        count,
                        x: LABEL_COLUMN + start,
                        width: end - start,
                    });
                }
            }
            let top = PAD + row * ROW;
            Row {
                label: e.label,
                total,
                y: top + (ROW - BAR) / 2,
                height: BAR,
                text_y: top + ROW / 2,
                segments,
            }
        })
        .collect();
    let count = i64::try_from(rows.len()).unwrap_or(0);
    StackedChart {
        width: WIDTH,
        height: 2 * PAD + count * ROW,
        label_x: LABEL_COLUMN - LABEL_GAP,
        total_x: WIDTH,
        axis_x: LABEL_COLUMN,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOT: i64 = WIDTH - LABEL_COLUMN - TOTAL_COLUMN;

    fn entries(months: &[&[i64]]) -> Vec<Entry> {
        months
            .iter()
            .enumerate()
            .map(|(i, values)| Entry {
                label: format!("m{i}"),
                values: values.to_vec(),
            })
            .collect()
    }

    #[test]
    fn the_largest_month_fills_the_plot_and_segments_meet() {
        let chart = stacked_bars(entries(&[&[1, 0, 3], &[2, 0, 0], &[0, 0, 0]]));
        let first = &chart.rows[0];
        assert_eq!(first.total, 4);
        // Two segments (the zero is left out), in series order, edge to edge from the axis.
        assert_eq!(first.segments.len(), 2);
        assert_eq!((first.segments[0].series, first.segments[1].series), (0, 2));
        assert_eq!(first.segments[0].x, chart.axis_x);
        assert_eq!(
            first.segments[0].x + first.segments[0].width,
            first.segments[1].x
        );
        assert_eq!(
            first.segments[1].x + first.segments[1].width,
            chart.axis_x + PLOT
        );
        assert_eq!(first.segments[0].width, PLOT / 4);
        assert_eq!(first.segments[1].colour, PALETTE[2]);
        // Half the largest total, half the plot.
        assert_eq!(chart.rows[1].segments[0].width, PLOT / 2);
        // Nothing chosen: no bar at all.
        assert!(chart.rows[2].segments.is_empty());
        assert_eq!(chart.rows[2].total, 0);
    }

    #[test]
    fn rows_stack_in_order_inside_the_drawing() {
        let one: &[i64] = &[1];
        let chart = stacked_bars(entries(&[one; 12]));
        assert_eq!(chart.rows.len(), 12);
        assert_eq!(chart.height, 2 * PAD + 12 * ROW);
        for pair in chart.rows.windows(2) {
            assert_eq!(pair[1].y - pair[0].y, ROW);
            assert!(pair[0].y + pair[0].height < pair[1].y);
        }
        assert!(chart.rows.iter().all(|r| r.y + r.height / 2 == r.text_y));
        assert!(chart.label_x < chart.axis_x);
        assert!(chart.axis_x + PLOT <= chart.total_x - TOTAL_COLUMN);
    }

    #[test]
    fn an_empty_period_draws_no_bar_and_divides_by_nothing() {
        let chart = stacked_bars(entries(&[&[0, 0], &[0, 0]]));
        assert!(chart.rows.iter().all(|r| r.segments.is_empty()));
        let chart = stacked_bars(Vec::new());
        assert!(chart.rows.is_empty());
        assert_eq!(chart.height, 2 * PAD);
    }

    #[test]
    fn rounding_never_leaves_a_gap_or_an_overlap() {
        let chart = stacked_bars(entries(&[&[1, 1, 1, 1, 1, 1], &[7, 0, 0, 0, 0, 0]]));
        let row = &chart.rows[0];
        for pair in row.segments.windows(2) {
            assert_eq!(pair[0].x + pair[0].width, pair[1].x);
        }
        let last = row.segments.last().expect("segments");
        assert_eq!(last.x + last.width, chart.axis_x + (6 * PLOT + 3) / 7);
        assert_eq!(colour(7), PALETTE[1]);
    }
}
