//! The monthly earnings chart of the sales page, drawn on the server as inline SVG so that it
//! reads without JavaScript: one horizontal bar per month, the month on the left and the
//! amount on the right. Horizontal bars keep the labels at a readable size on a 390 px
//! phone, where twelve columns would shrink their text to a few pixels.
//!
//! This module only does the geometry (in the units of the SVG's `viewBox`); the template
//! draws it and adds the title, the description and the table of the same numbers.

/// Width of the drawing: narrow, so that on a phone the 13-unit text stays about 11 px high
/// (the stylesheet caps how wide it grows on larger screens).
const WIDTH: i64 = 340;
/// Width of the month labels' column (「2026年10月」); the bars start where it ends.
const LABEL_COLUMN: i64 = 84;
/// Width of the amounts' column on the right (「1,234,567円」).
const AMOUNT_COLUMN: i64 = 96;
/// Gap between a label and the bar area.
const LABEL_GAP: i64 = 8;
/// Height of one month's row, and of its bar within it.
const ROW: i64 = 28;
const BAR: i64 = 18;
/// Space above the first row and below the last.
const PAD: i64 = 6;
/// The narrowest bar of a month with earnings, so that a small amount still shows.
const MIN_BAR: i64 = 2;

/// One month as the chart shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The month, e.g. 「2026年7月」.
    pub label: String,
    /// Yen earned in the month.
    pub amount: i64,
    /// The amount as text, e.g. 「3,900円」.
    pub amount_label: String,
}

/// A month's bar and where its texts go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub amount_label: String,
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
    /// The vertical middle of the row, where both texts sit.
    pub text_y: i64,
}

/// The whole drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarChart {
    pub width: i64,
    pub height: i64,
    /// Where the month labels end (they are right-aligned to it).
    pub label_x: i64,
    /// Where the amounts end (right-aligned).
    pub amount_x: i64,
    /// The left edge of the bars: the chart's axis.
    pub axis_x: i64,
    pub bars: Vec<Bar>,
}

/// Lays out one bar per entry, top to bottom in the order given. The longest bar is the
/// largest amount; a month without earnings (or with a net refund) has no bar, only its
/// label and amount.
pub fn bar_chart(entries: Vec<Entry>) -> BarChart {
    let plot = WIDTH - LABEL_COLUMN - AMOUNT_COLUMN;
    let max = entries.iter().map(|e| e.amount).max().unwrap_or(0);
    let bars: Vec<Bar> = entries
        .into_iter()
        .zip(0_i64..)
        .map(|(e, row)| {
            let width = if e.amount <= 0 || max <= 0 {
                0
            } else {
                // Rounded to the nearest unit; no float needed.
                ((e.amount * plot + max / 2) / max).clamp(MIN_BAR, plot)
            };
            let top = PAD + row * ROW;
            Bar {
                label: e.label,
                amount_label: e.amount_label,
                x: LABEL_COLUMN,
                y: top + (ROW - BAR) / 2,
                width,
                height: BAR,
                text_y: top + ROW / 2,
            }
        })
        .collect();
    let rows = i64::try_from(bars.len()).unwrap_or(0);
    BarChart {
        width: WIDTH,
        height: 2 * PAD + rows * ROW,
        label_x: LABEL_COLUMN - LABEL_GAP,
        amount_x: WIDTH,
        axis_x: LABEL_COLUMN,
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(amounts: &[i64]) -> Vec<Entry> {
        amounts
            .iter()
            .enumerate()
            .map(|(i, a)| Entry {
                label: format!("m{i}"),
                amount: *a,
                amount_label: format!("{a}円"),
            })
            .collect()
    }

    const PLOT: i64 = WIDTH - LABEL_COLUMN - AMOUNT_COLUMN;

    #[test]
    fn the_largest_month_fills_the_plot_and_others_are_in_proportion() {
        let chart = bar_chart(entries(&[1_000, 4_000, 2_000, 0]));
        let widths: Vec<i64> = chart.bars.iter().map(|b| b.width).collect();
        assert_eq!(widths, vec![PLOT / 4, PLOT, PLOT / 2, 0]);
        // Every bar starts on the axis, between the two text columns.
        assert!(chart.bars.iter().all(|b| b.x == chart.axis_x));
        assert!(chart.label_x < chart.axis_x);
        // The amounts' column starts where the longest bar ends.
        assert_eq!(chart.axis_x + PLOT, chart.amount_x - AMOUNT_COLUMN);
    }

    #[test]
    fn rows_stack_in_order_inside_the_drawing() {
        let chart = bar_chart(entries(&[5; 12]));
        assert_eq!(chart.bars.len(), 12);
        assert_eq!(chart.height, 2 * PAD + 12 * ROW);
        for (i, pair) in chart.bars.windows(2).enumerate() {
            assert_eq!(pair[1].y - pair[0].y, ROW, "row {i}");
            assert!(
                pair[0].y + pair[0].height < pair[1].y,
                "bars {i} and {} overlap",
                i + 1
            );
        }
        let first = &chart.bars[0];
        let last = &chart.bars[11];
        assert!(first.y > 0);
        assert!(last.y + last.height < chart.height);
        // Each bar is centred on its texts.
        assert!(chart.bars.iter().all(|b| b.y + b.height / 2 == b.text_y));
        assert_eq!(first.label, "m0");
        assert_eq!(last.amount_label, "5円");
    }

    #[test]
    fn months_without_earnings_have_no_bar_and_no_division_by_zero() {
        let chart = bar_chart(entries(&[0; 12]));
        assert_eq!(chart.bars.len(), 12);
        assert!(chart.bars.iter().all(|b| b.width == 0));
        assert_eq!(chart.bars[3].amount_label, "0円");

        // A refund larger than the month's sales is no bar, not a negative one.
        let chart = bar_chart(entries(&[-500, 0, 1_000]));
        assert_eq!(chart.bars[0].width, 0);
        assert_eq!(chart.bars[2].width, PLOT);

        let chart = bar_chart(Vec::new());
        assert!(chart.bars.is_empty());
        assert_eq!(chart.height, 2 * PAD);
    }

    #[test]
    fn a_small_month_is_still_visible() {
        let chart = bar_chart(entries(&[1, 10_000_000]));
        assert_eq!(chart.bars[0].width, MIN_BAR);
        assert_eq!(chart.bars[1].width, PLOT);
    }
}
