//! The category tree (カテゴリ): a fixed, two-level list that every listing is filed under.
//!
//! Ids are stable small integers stored in the `listings` table: top-level categories are
//! 1..=13, and the children of category `p` are numbered `p × 100 + 1`, `p × 100 + 2`, …
//! (101.. under 1, 201.. under 2). New categories are appended; an id is never reused.
//!
//! Names are not part of the domain: each category has a Fluent message id
//! ([`Category::message_id`]) whose text lives in `categories.ftl` of each locale.

use crate::error_code::error_codes;

/// One category. `parent` is `None` for a top-level category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Category {
    /// Stable id, stored with each listing.
    pub id: i64,
    /// The top-level category this one belongs to.
    pub parent: Option<i64>,
    /// Lower-case kebab-case key, unique among its siblings; used in URLs
    /// (`/categories/illust/portrait`) and message ids.
    pub slug: &'static str,
}

/// Why a category chosen for a listing is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CategoryError {
    /// Nothing was chosen.
    #[error("no category chosen")]
    Empty,
    /// Not the id of a category.
    #[error("unknown category")]
    Unknown,
    /// A top-level category: listings are filed under one of its children.
    #[error("category has subcategories; choose one of them")]
    NotLeaf,
}

error_codes! {
    CategoryError {
        Empty => "listing-category-empty",
        Unknown => "listing-category-unknown",
        NotLeaf => "listing-category-not-leaf",
    }
}

/// Every category, each top-level one followed by its children, in display order.
pub const CATEGORIES: &[Category] = &[
    Category {
        id: 1,
        parent: None,
        slug: "illust",
    },
    Category {
        id: 101,
        parent: Some(1),
        slug: "portrait",
    },
    Category {
        id: 102,
        parent: Some(1),
        slug: "icon",
    },
    Category {
        id: 103,
        parent: Some(1),
        slug: "character",
    },
    Category {
        id: 104,
        parent: Some(1),
        slug: "manga",
    },
    Category {
        id: 105,
        parent: Some(1),
        slug: "vtuber",
    },
    Category {
        id: 106,
        parent: Some(1),
        slug: "book",
    },
    Category {
        id: 2,
        parent: None,
        slug: "logo",
    },
    Category {
        id: 201,
        parent: Some(2),
        slug: "business",
    },
    Category {
        id: 202,
        parent: Some(2),
        slug: "lettering",
    },
    Category {
        id: 203,
        parent: Some(2),
        slug: "sns",
    },
    Category {
        id: 204,
        parent: Some(2),
        slug: "trace",
    },
    Category {
        id: 3,
        parent: None,
        slug: "print",
    },
    Category {
        id: 301,
        parent: Some(3),
        slug: "business-card",
    },
    Category {
        id: 302,
        parent: Some(3),
        slug: "flyer",
    },
    Category {
        id: 303,
        parent: Some(3),
        slug: "pamphlet",
    },
    Category {
        id: 304,
        parent: Some(3),
        slug: "poster",
    },
    Category {
        id: 305,
        parent: Some(3),
        slug: "menu",
    },
    Category {
        id: 4,
        parent: None,
        slug: "image",
    },
    Category {
        id: 401,
        parent: Some(4),
        slug: "banner",
    },
    Category {
        id: 402,
        parent: Some(4),
        slug: "thumbnail",
    },
    Category {
        id: 403,
        parent: Some(4),
        slug: "retouch",
    },
    Category {
        id: 404,
        parent: Some(4),
        slug: "sns-post",
    },
    Category {
        id: 405,
        parent: Some(4),
        slug: "cutout",
    },
    Category {
        id: 5,
        parent: None,
        slug: "web",
    },
    Category {
        id: 501,
        parent: Some(5),
        slug: "homepage",
    },
    Category {
        id: 502,
        parent: Some(5),
        slug: "landing-page",
    },
    Category {
        id: 503,
        parent: Some(5),
        slug: "wordpress",
    },
    Category {
        id: 504,
        parent: Some(5),
        slug: "design",
    },
    Category {
        id: 505,
        parent: Some(5),
        slug: "online-shop",
    },
    Category {
        id: 506,
        parent: Some(5),
        slug: "maintenance",
    },
    Category {
        id: 6,
        parent: None,
        slug: "video",
    },
    Category {
        id: 601,
        parent: Some(6),
        slug: "editing",
    },
    Category {
        id: 602,
        parent: Some(6),
        slug: "animation",
    },
    Category {
        id: 603,
        parent: Some(6),
        slug: "motion-graphics",
    },
    Category {
        id: 604,
        parent: Some(6),
        slug: "short",
    },
    Category {
        id: 605,
        parent: Some(6),
        slug: "filming",
    },
    Category {
        id: 7,
        parent: None,
        slug: "translation",
    },
    Category {
        id: 701,
        parent: Some(7),
        slug: "english",
    },
    Category {
        id: 702,
        parent: Some(7),
        slug: "chinese",
    },
    Category {
        id: 703,
        parent: Some(7),
        slug: "korean",
    },
    Category {
        id: 704,
        parent: Some(7),
        slug: "other",
    },
    Category {
        id: 705,
        parent: Some(7),
        slug: "native-check",
    },
    Category {
        id: 706,
        parent: Some(7),
        slug: "lessons",
    },
    Category {
        id: 8,
        parent: None,
        slug: "writing",
    },
    Category {
        id: 801,
        parent: Some(8),
        slug: "article",
    },
    Category {
        id: 802,
        parent: Some(8),
        slug: "copywriting",
    },
    Category {
        id: 803,
        parent: Some(8),
        slug: "naming",
    },
    Category {
        id: 804,
        parent: Some(8),
        slug: "proofreading",
    },
    Category {
        id: 805,
        parent: Some(8),
        slug: "fiction",
    },
    Category {
        id: 9,
        parent: None,
        slug: "fortune",
    },
    Category {
        id: 901,
        parent: Some(9),
        slug: "tarot",
    },
    Category {
        id: 902,
        parent: Some(9),
        slug: "astrology",
    },
    Category {
        id: 903,
        parent: Some(9),
        slug: "numerology",
    },
    Category {
        id: 904,
        parent: Some(9),
        slug: "four-pillars",
    },
    Category {
        id: 905,
        parent: Some(9),
        slug: "love",
    },
    Category {
        id: 906,
        parent: Some(9),
        slug: "spiritual",
    },
    Category {
        id: 10,
        parent: None,
        slug: "consultation",
    },
    Category {
        id: 1001,
        parent: Some(10),
        slug: "love",
    },
    Category {
        id: 1002,
        parent: Some(10),
        slug: "life",
    },
    Category {
        id: 1003,
        parent: Some(10),
        slug: "career",
    },
    Category {
        id: 1004,
        parent: Some(10),
        slug: "relationships",
    },
    Category {
        id: 1005,
        parent: Some(10),
        slug: "listening",
    },
    Category {
        id: 11,
        parent: None,
        slug: "it",
    },
    Category {
        id: 1101,
        parent: Some(11),
        slug: "web-system",
    },
    Category {
        id: 1102,
        parent: Some(11),
        slug: "app",
    },
    Category {
        id: 1103,
        parent: Some(11),
        slug: "automation",
    },
    Category {
        id: 1104,
        parent: Some(11),
        slug: "excel",
    },
    Category {
        id: 1105,
        parent: Some(11),
        slug: "infrastructure",
    },
    Category {
        id: 1106,
        parent: Some(11),
        slug: "support",
    },
    Category {
        id: 12,
        parent: None,
        slug: "business",
    },
    Category {
        id: 1201,
        parent: Some(12),
        slug: "data-entry",
    },
    Category {
        id: 1202,
        parent: Some(12),
        slug: "assistant",
    },
    Category {
        id: 1203,
        parent: Some(12),
        slug: "marketing",
    },
    Category {
        id: 1204,
        parent: Some(12),
        slug: "documents",
    },
    Category {
        id: 1205,
        parent: Some(12),
        slug: "sns-management",
    },
    Category {
        id: 13,
        parent: None,
        slug: "music",
    },
    Category {
        id: 1301,
        parent: Some(13),
        slug: "composition",
    },
    Category {
        id: 1302,
        parent: Some(13),
        slug: "lyrics",
    },
    Category {
        id: 1303,
        parent: Some(13),
        slug: "mixing",
    },
    Category {
        id: 1304,
        parent: Some(13),
        slug: "narration",
    },
    Category {
        id: 1305,
        parent: Some(13),
        slug: "voice",
    },
    Category {
        id: 1306,
        parent: Some(13),
        slug: "singing",
    },
];

impl Category {
    /// The Fluent message id of the category's name: `category-<slug>` for a top-level
    /// category, `category-<parent-slug>-<slug>` for a child (`category-illust-portrait`).
    pub fn message_id(&self) -> String {
        format!("category-{}", self.path().replace('/', "-"))
    }

    /// The slug path used in URLs: `illust` or `illust/portrait`.
    pub fn path(&self) -> String {
        match self.parent_category() {
            Some(parent) => format!("{}/{}", parent.slug, self.slug),
            None => self.slug.to_owned(),
        }
    }

    /// The top-level category above this one; `None` for a top-level category.
    pub fn parent_category(&self) -> Option<&'static Category> {
        self.parent.and_then(by_id)
    }

    /// The top-level category's id: the parent's for a child, its own otherwise (the
    /// `parent_category_id` column, which lets a top-level page list all its children's
    /// listings with one index).
    pub fn top_level_id(&self) -> i64 {
        self.parent.unwrap_or(self.id)
    }

    /// True for a top-level category.
    pub fn is_top_level(&self) -> bool {
        self.parent.is_none()
    }

    /// True when no category lies below this one; only leaves hold listings.
    pub fn is_leaf(&self) -> bool {
        !CATEGORIES.iter().any(|c| c.parent == Some(self.id))
    }

    /// The categories directly below this one, in display order.
    pub fn children(&self) -> impl Iterator<Item = &'static Category> + use<> {
        children(self.id)
    }
}

/// The category with this id.
pub fn by_id(id: i64) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.id == id)
}

/// The category at a slug path: `illust` (top level) or `illust/portrait` (child).
pub fn by_slug(path: &str) -> Option<&'static Category> {
    let (first, rest) = match path.split_once('/') {
        Some((parent, child)) => (parent, Some(child)),
        None => (path, None),
    };
    let top = top_level().find(|c| c.slug == first)?;
    match rest {
        None => Some(top),
        Some(child) => children(top.id).find(|c| c.slug == child),
    }
}

/// The categories directly below `parent`, in display order.
pub fn children(parent: i64) -> impl Iterator<Item = &'static Category> {
    CATEGORIES.iter().filter(move |c| c.parent == Some(parent))
}

/// The top-level categories, in display order.
pub fn top_level() -> impl Iterator<Item = &'static Category> {
    CATEGORIES.iter().filter(|c| c.parent.is_none())
}

/// True when `id` is a category that can hold listings.
pub fn is_leaf(id: i64) -> bool {
    by_id(id).is_some_and(Category::is_leaf)
}

/// Reads the category chosen for a listing (the form's `<select>` value, an id) and checks
/// that it is a leaf.
pub fn parse_listing_category(id: &str) -> Result<&'static Category, CategoryError> {
    let trimmed = id.trim();
    if trimmed.is_empty() {
        return Err(CategoryError::Empty);
    }
    let category = trimmed
        .parse::<i64>()
        .ok()
        .and_then(by_id)
        .ok_or(CategoryError::Unknown)?;
    if category.is_leaf() {
        Ok(category)
    } else {
        Err(CategoryError::NotLeaf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use std::collections::BTreeSet;

    #[test]
    fn ids_follow_the_numbering_scheme() {
        let top: Vec<i64> = top_level().map(|c| c.id).collect();
        assert_eq!(top, (1..=13).collect::<Vec<_>>());
        for parent in top_level() {
            let ids: Vec<i64> = children(parent.id).map(|c| c.id).collect();
            let expected: Vec<i64> = (1..=ids.len() as i64)
                .map(|n| parent.id * 100 + n)
                .collect();
            assert_eq!(ids, expected, "children of {}", parent.slug);
            assert!(
                (3..=6).contains(&ids.len()),
                "{} has {} children",
                parent.slug,
                ids.len()
            );
        }
        let unique: BTreeSet<i64> = CATEGORIES.iter().map(|c| c.id).collect();
        assert_eq!(unique.len(), CATEGORIES.len());
    }

    #[test]
    fn two_levels_and_leaves_are_children() {
        for category in CATEGORIES {
            if let Some(parent) = category.parent {
                assert!(
                    by_id(parent).is_some_and(Category::is_top_level),
                    "{}",
                    category.slug
                );
            }
            assert_eq!(
                category.is_leaf(),
                !category.is_top_level(),
                "{}",
                category.slug
            );
            assert_eq!(is_leaf(category.id), category.is_leaf());
        }
        assert!(!is_leaf(0));
    }

    #[test]
    fn slugs_are_kebab_case_and_paths_unique() {
        let mut paths = BTreeSet::new();
        let mut message_ids = BTreeSet::new();
        for category in CATEGORIES {
            let slug = category.slug;
            assert!(
                !slug.is_empty()
                    && !slug.starts_with('-')
                    && !slug.ends_with('-')
                    && !slug.contains("--")
                    && slug.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{slug}"
            );
            assert!(
                paths.insert(category.path()),
                "duplicate path {}",
                category.path()
            );
            assert!(
                message_ids.insert(category.message_id()),
                "duplicate id {}",
                category.message_id()
            );
        }
    }

    #[test]
    fn lookups() {
        let portrait = by_slug("illust/portrait").expect("exists");
        assert_eq!(portrait.id, 101);
        assert_eq!(portrait.message_id(), "category-illust-portrait");
        assert_eq!(portrait.path(), "illust/portrait");
        assert_eq!(portrait.top_level_id(), 1);
        assert_eq!(portrait.parent_category().map(|c| c.slug), Some("illust"));
        let illust = by_slug("illust").expect("exists");
        assert_eq!(illust.message_id(), "category-illust");
        assert_eq!(illust.top_level_id(), 1);
        assert_eq!(illust.children().count(), children(1).count());
        assert_eq!(by_slug("logo/business").map(|c| c.id), Some(201));
        assert_eq!(
            by_id(1301).map(Category::path).as_deref(),
            Some("music/composition")
        );
        assert_eq!(by_slug("portrait"), None);
        assert_eq!(by_slug("illust/"), None);
        assert_eq!(by_slug("logo/portrait"), None);
        assert_eq!(by_slug(""), None);
        for category in CATEGORIES {
            assert_eq!(by_slug(&category.path()), Some(category));
            assert_eq!(by_id(category.id), Some(category));
        }
    }

    #[test]
    fn listings_go_into_leaves() {
        assert_eq!(parse_listing_category(" 101 ").map(|c| c.id), Ok(101));
        assert_eq!(parse_listing_category(""), Err(CategoryError::Empty));
        assert_eq!(parse_listing_category("1"), Err(CategoryError::NotLeaf));
        assert_eq!(parse_listing_category("199"), Err(CategoryError::Unknown));
        assert_eq!(
            parse_listing_category("illust"),
            Err(CategoryError::Unknown)
        );
        assert_eq!(parse_listing_category("-1"), Err(CategoryError::Unknown));
    }

    #[test]
    fn error_codes() {
        assert_eq!(CategoryError::Empty.code(), "listing-category-empty");
        assert_eq!(CategoryError::Unknown.code(), "listing-category-unknown");
        assert_eq!(CategoryError::NotLeaf.code(), "listing-category-not-leaf");
    }

    /// Message ids defined in a Fluent file (`key = value` lines).
    fn ftl_ids(ftl: &str) -> BTreeSet<&str> {
        ftl.lines()
            .filter(|line| !line.starts_with(['#', ' ']) && !line.trim().is_empty())
            .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim()))
            .collect()
    }

    #[test]
    fn every_category_has_a_name_in_both_locales() {
        let ja = ftl_ids(include_str!("../../../i18n/locales/ja/categories.ftl"));
        let en = ftl_ids(include_str!("../../../i18n/locales/en/categories.ftl"));
        let ids: BTreeSet<String> = CATEGORIES.iter().map(Category::message_id).collect();
        for id in &ids {
            assert!(
                ja.contains(id.as_str()),
                "{id} missing from ja/categories.ftl"
            );
            assert!(
                en.contains(id.as_str()),
                "{id} missing from en/categories.ftl"
            );
        }
        // And nothing stale is left in the files.
        assert_eq!(ja.len(), ids.len());
        assert_eq!(en.len(), ids.len());
    }
}
