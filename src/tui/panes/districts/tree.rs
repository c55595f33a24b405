//! The tree's nodes, which of them are open, and the lines shown.
//!
//! Reports are grouped again whenever some are added (their counts are computed once, as they
//! come), so that the groups follow the corpus: a province level only when the reports name
//! more than one province, a city level only when they name more than one city. The user's
//! openings and closings are kept by the node's place (`浙江省/湖州市/吴兴区`); other nodes follow
//! the default, which opens everything in a short tree and closes districts, then groups, in a
//! long one.

use super::file_name;
use super::places::{Place, place_of};
use crate::analysis::link::PROSE_MARK;
use crate::analysis::views::summary;
use crate::finder::collate::{SortKey, sort_key};
use crate::finder::{Candidates, Query};
use crate::model::Report;
use crate::tui::width::Glyphs;
use std::collections::{HashMap, HashSet};

/// The most columns a file name takes in a report's line, when it tells two reports apart.
const FILE_NAME_WIDTH: usize = 16;

/// A tree that would show at most this many lines with every node open opens so; a longer one
/// opens with its districts closed, and its groups too when that is still longer.
pub const OPEN_UP_TO: usize = 60;

/// The group of the districts whose title block names no province (or no city) when others do.
const UNKNOWN_PLACE: &str = "其他 other";

/// What a line of the tree stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeItem {
    /// A province or city (index into [`DistrictTree::groups`]).
    Group(usize),
    /// A district (index into [`DistrictTree::districts`]).
    District(usize),
    /// A report (index into the loaded reports).
    Report(usize),
    /// The group of files that failed to load.
    Failures,
    /// A file that failed to load (index into the failures).
    Failure(usize),
}

/// One line of the tree as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeLine {
    /// What the line stands for.
    pub item: TreeItem,
    /// Nesting depth: 0 for the top level.
    pub depth: usize,
    /// The label, ready to draw.
    pub label: String,
    /// The badge drawn after the label, and whether it shows missed rows.
    pub badge: Option<(String, bool)>,
}

/// A report's counts for its badge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Rows (or, [`Counts::in_prose`], judged sentences) that missed their target.
    pub missed: usize,
    /// Reviewed rows, or judged sentences.
    pub reviewed: usize,
    /// The report has no review table: the counts are of results judged in sentences.
    pub in_prose: bool,
}

/// A province or a city, and what is under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupNode {
    /// The name as the title block writes it (`浙江省`, `湖州市`).
    pub name: String,
    /// The province of a city.
    pub parent: Option<usize>,
    /// The cities of a province, in pinyin order.
    pub groups: Vec<usize>,
    /// The districts right under it, in pinyin order.
    pub districts: Vec<usize>,
    /// The districts under it at any depth.
    pub district_count: usize,
    /// Missed rows of all its reports.
    pub missed: usize,
    key: String,
}

impl GroupNode {
    /// A group with nothing under it yet.
    fn new(name: &str, parent: Option<usize>, key: String) -> GroupNode {
        GroupNode {
            name: name.to_owned(),
            parent,
            groups: Vec::new(),
            districts: Vec::new(),
            district_count: 0,
            missed: 0,
            key,
        }
    }
}

/// A district and its reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictNode {
    /// The district's name (`綦江区`), or the file name when the title names none.
    pub name: String,
    /// Its city or province, when the tree is grouped.
    pub parent: Option<usize>,
    /// Indices of its reports, oldest review year first.
    pub reports: Vec<usize>,
    /// Missed rows of its reports.
    pub missed: usize,
    key: String,
}

/// A node at the top level or under a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Node {
    Group(usize),
    District(usize),
}

/// The districts a filter lets through, and per group how many of them it holds and their
/// missed rows.
type Matched = (HashSet<usize>, Vec<(usize, usize)>);

/// The tree of groups, districts and reports, flattened into the lines currently shown.
#[derive(Debug, Clone, Default)]
pub struct DistrictTree {
    /// Provinces and cities.
    pub groups: Vec<GroupNode>,
    /// Districts.
    pub districts: Vec<DistrictNode>,
    /// Files that failed to load: file name and error.
    pub failures: Vec<(String, String)>,
    /// Per report, the counts of its badge.
    pub counts: Vec<Counts>,
    /// The lines shown, rebuilt when a node opens or closes or the filter changes.
    pub lines: Vec<TreeLine>,
    /// Per report, its place.
    places: Vec<Place>,
    /// Per report, its district.
    district_of: Vec<usize>,
    /// The top-level nodes, groups first.
    roots: Vec<Node>,
    /// Nodes the user opened (true) or closed, by key; the others follow the defaults.
    toggled: HashMap<String, bool>,
    /// Whether groups and districts the user has not toggled are open.
    open_groups: bool,
    open_districts: bool,
    /// Whether the failed files are hidden.
    failures_closed: bool,
    /// The filter's text, and the districts it lets through with, per group, how many of them
    /// and their missed rows.
    filter: String,
    matched: Option<Matched>,
    /// The pinyin sort key of every name met, kept across regroupings (reports arrive one by
    /// one while loading; each regrouping then reads the keys instead of computing them).
    sort_keys: HashMap<String, SortKey>,
}

impl DistrictTree {
    /// Takes in `reports[first_new..]`, appended since the last call, and more failed files
    /// (file, error); groups the reports again and lays the tree out. Each report's counts are
    /// computed once, here.
    pub fn add(
        &mut self,
        reports: &[Report],
        first_new: usize,
        failures: impl IntoIterator<Item = (String, String)>,
        glyphs: &Glyphs,
    ) {
        let new = reports.get(first_new..).unwrap_or_default();
        self.counts.extend(summary(new).iter().map(|s| match s.reviewed {
            0 => Counts { missed: s.judged_missed, reviewed: s.judged_sentences, in_prose: true },
            _ => Counts { missed: s.missed, reviewed: s.reviewed, in_prose: false },
        }));
        self.places.extend(new.iter().map(|report| place_of(report, glyphs)));
        self.failures.extend(failures);
        self.regroup(reports);
        self.relayout(reports, glyphs);
    }

    /// How many districts there are, and how many of them the filter lets through.
    pub fn district_counts(&self) -> (usize, usize) {
        let shown = self.matched.as_ref().map_or(self.districts.len(), |(matched, _)| matched.len());
        (shown, self.districts.len())
    }

    /// The filter's text (empty when the tree is not filtered).
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Shows only the districts whose name, or whose province's or city's name, matches `text`
    /// as the finder matches (characters in order, or pinyin: `qj` finds 綦江区), with their
    /// groups open; an empty text shows every district again. Lay the tree out afterwards.
    pub fn set_filter(&mut self, text: &str) {
        if text != self.filter {
            self.filter = text.to_owned();
            // Filtering opens the groups that hold matches, whatever was opened or closed before.
            self.toggled.retain(|key, _| key.starts_with("d:"));
            self.apply_filter();
        }
    }

    /// Groups the reports by place: provinces when more than one is named, cities when more
    /// than one is named, then districts; sorts every level by pinyin; sets what opens by default.
    /// Nodes are found by their parent and name, borrowed from the places: a report of a known
    /// district costs no allocation, so that regrouping thousands of reports per batch stays cheap.
    fn regroup(&mut self, reports: &[Report]) {
        let by_province = more_than_one(self.places.iter().map(|p| p.province.as_deref()));
        let by_city = more_than_one(self.places.iter().map(|p| p.city.as_deref()));
        let (mut groups, mut districts): (Vec<GroupNode>, Vec<DistrictNode>) = (Vec::new(), Vec::new());
        let mut group_at: HashMap<(Option<usize>, &str), usize> = HashMap::new();
        let mut district_at: HashMap<(Option<usize>, &str), usize> = HashMap::new();
        let mut district_of = Vec::with_capacity(self.places.len());
        for (index, place) in self.places.iter().enumerate() {
            let province = by_province.then(|| place.province.as_deref().unwrap_or(UNKNOWN_PLACE));
            let city = place.city.as_deref().filter(|_| by_city);
            let mut parent = None;
            for name in [province, city].into_iter().flatten() {
                let at = *group_at.entry((parent, name)).or_insert_with(|| {
                    let key = group_key(parent.map(|p| groups[p].key.as_str()), name);
                    groups.push(GroupNode::new(name, parent, key));
                    groups.len() - 1
                });
                parent = Some(at);
            }
            let name = place.district.as_str();
            let at = *district_at.entry((parent, name)).or_insert_with(|| {
                let key = district_key(parent.map(|p| groups[p].key.as_str()), name);
                districts.push(DistrictNode {
                    name: name.to_owned(),
                    parent,
                    reports: Vec::new(),
                    missed: 0,
                    key,
                });
                districts.len() - 1
            });
            districts[at].reports.push(index);
            districts[at].missed += self.counts.get(index).map_or(0, |c| c.missed);
            district_of.push(at);
        }
        let mut roots = Vec::new();
        for (d, district) in districts.iter_mut().enumerate() {
            district.reports.sort_by_key(|&i| (reports.get(i).and_then(|r| r.title.review_year), i));
            match district.parent {
                Some(g) => groups[g].districts.push(d),
                None => roots.push(Node::District(d)),
            }
            let mut up = district.parent;
            while let Some(g) = up {
                groups[g].district_count += 1;
                groups[g].missed += district.missed;
                up = groups[g].parent;
            }
        }
        for g in 0..groups.len() {
            match groups[g].parent {
                Some(p) => groups[p].groups.push(g),
                None => roots.push(Node::Group(g)),
            }
        }
        // Pinyin order at every level; the unknown place last, groups before districts.
        let names = groups.iter().map(|g| g.name.as_str()).chain(districts.iter().map(|d| d.name.as_str()));
        for name in names {
            if !self.sort_keys.contains_key(name) {
                self.sort_keys.insert(name.to_owned(), sort_key(name));
            }
        }
        let sort_keys = &self.sort_keys;
        let group_keys: Vec<_> =
            groups.iter().map(|g| (g.name == UNKNOWN_PLACE, &sort_keys[&g.name])).collect();
        let district_keys: Vec<_> = districts.iter().map(|d| &sort_keys[&d.name]).collect();
        for group in &mut groups {
            group.groups.sort_by(|&a, &b| group_keys[a].cmp(&group_keys[b]));
            group.districts.sort_by(|&a, &b| district_keys[a].cmp(district_keys[b]));
        }
        roots.sort_by(|a, b| match (a, b) {
            (Node::Group(a), Node::Group(b)) => group_keys[*a].cmp(&group_keys[*b]),
            (Node::District(a), Node::District(b)) => district_keys[*a].cmp(district_keys[*b]),
            (Node::Group(_), Node::District(_)) => std::cmp::Ordering::Less,
            (Node::District(_), Node::Group(_)) => std::cmp::Ordering::Greater,
        });
        let open_lines = groups.len() + districts.len() + self.places.len();
        self.open_districts = open_lines <= OPEN_UP_TO;
        self.open_groups = self.open_districts || groups.len() + districts.len() <= OPEN_UP_TO;
        (self.groups, self.districts, self.roots, self.district_of) = (groups, districts, roots, district_of);
        self.apply_filter();
    }

    /// Matches the filter's text against the district and group names.
    fn apply_filter(&mut self) {
        self.matched = None;
        let query = Query::parse(&self.filter);
        if query.is_empty() {
            return;
        }
        let names = self.districts.iter().map(|d| d.name.as_str());
        let candidates = Candidates::new(names.chain(self.groups.iter().map(|g| g.name.as_str())));
        let mut matched = HashSet::new();
        for found in candidates.search(&query, None) {
            match found.candidate.checked_sub(self.districts.len()) {
                None => {
                    matched.insert(found.candidate);
                }
                Some(group) => self.districts_under(group, &mut matched),
            }
        }
        let mut per_group = vec![(0, 0); self.groups.len()];
        for &d in &matched {
            let Some(district) = self.districts.get(d) else { continue };
            let mut up = district.parent;
            while let Some(g) = up {
                per_group[g].0 += 1;
                per_group[g].1 += district.missed;
                up = self.groups[g].parent;
            }
        }
        self.matched = Some((matched, per_group));
    }

    /// Adds every district under `group` to `found`.
    fn districts_under(&self, group: usize, found: &mut HashSet<usize>) {
        let Some(node) = self.groups.get(group) else { return };
        found.extend(node.districts.iter().copied());
        for &city in &node.groups {
            self.districts_under(city, found);
        }
    }

    /// Rebuilds the shown lines after a node opened or closed or the filter changed.
    pub fn relayout(&mut self, reports: &[Report], glyphs: &Glyphs) {
        let mut lines = Vec::new();
        let layout = Layout { tree: self, reports, glyphs };
        for &node in &self.roots {
            layout.node(node, 0, &mut lines);
        }
        if !self.failures.is_empty() {
            let marker = if self.failures_closed { glyphs.collapsed } else { glyphs.expanded };
            lines.push(TreeLine {
                item: TreeItem::Failures,
                depth: 0,
                label: format!("{marker} 未能读取 failed"),
                badge: Some((self.failures.len().to_string(), true)),
            });
            if !self.failures_closed {
                for (i, (file, _)) in self.failures.iter().enumerate() {
                    lines.push(TreeLine {
                        item: TreeItem::Failure(i),
                        depth: 1,
                        label: glyphs.display(file_name(file)).into_owned(),
                        badge: None,
                    });
                }
            }
        }
        self.lines = lines;
    }

    /// Whether group `g` is open.
    fn group_open(&self, g: usize) -> bool {
        let default = self.matched.is_some() || self.open_groups;
        self.groups.get(g).is_some_and(|group| self.toggled.get(&group.key).copied().unwrap_or(default))
    }

    /// Whether district `d` is open.
    fn district_open(&self, d: usize) -> bool {
        let key = self.districts.get(d).map(|district| &district.key);
        key.is_some_and(|key| self.toggled.get(key).copied().unwrap_or(self.open_districts))
    }

    /// The line showing `report`, if shown.
    pub fn line_of_report(&self, report: usize) -> Option<usize> {
        self.lines.iter().position(|line| line.item == TreeItem::Report(report))
    }

    /// Opens the district of `report` and the groups above it, clearing a filter that hides it;
    /// true when the tree must be laid out again.
    pub fn reveal(&mut self, report: usize) -> bool {
        let Some(&d) = self.district_of.get(report) else { return false };
        let mut changed = false;
        if self.matched.as_ref().is_some_and(|(matched, _)| !matched.contains(&d)) {
            self.set_filter("");
            changed = true;
        }
        if !self.district_open(d) {
            self.toggled.insert(self.districts[d].key.clone(), true);
            changed = true;
        }
        let mut up = self.districts[d].parent;
        while let Some(g) = up {
            if !self.group_open(g) {
                self.toggled.insert(self.groups[g].key.clone(), true);
                changed = true;
            }
            up = self.groups[g].parent;
        }
        changed
    }

    /// Opens or closes the node at `line` (`open` None toggles); true when something changed.
    pub fn set_expanded(&mut self, line: usize, open: Option<bool>) -> bool {
        let Some(item) = self.lines.get(line).map(|l| l.item) else { return false };
        let (key, now) = match item {
            TreeItem::Group(g) => (self.groups.get(g).map(|n| n.key.clone()), self.group_open(g)),
            TreeItem::District(d) => (self.districts.get(d).map(|n| n.key.clone()), self.district_open(d)),
            TreeItem::Failures => (None, !self.failures_closed),
            TreeItem::Report(_) | TreeItem::Failure(_) => return false,
        };
        let wanted = open.unwrap_or(!now);
        match key {
            Some(key) => {
                self.toggled.insert(key, wanted);
            }
            None if item == TreeItem::Failures => self.failures_closed = !wanted,
            None => return false,
        }
        wanted != now
    }

    /// A name for the node `item` stands for that outlives grouping again (a group's or a
    /// district's place, a report's index), for keeping the cursor on it.
    pub fn key_of(&self, item: TreeItem) -> Option<String> {
        match item {
            TreeItem::Group(g) => self.groups.get(g).map(|n| n.key.clone()),
            TreeItem::District(d) => self.districts.get(d).map(|n| n.key.clone()),
            TreeItem::Report(r) => Some(format!("r:{r}")),
            TreeItem::Failures => Some("failures".to_owned()),
            TreeItem::Failure(f) => Some(format!("f:{f}")),
        }
    }

    /// The line showing the node of `key` ([`DistrictTree::key_of`]), if shown.
    pub fn line_with_key(&self, key: &str) -> Option<usize> {
        self.lines.iter().position(|line| self.key_of(line.item).as_deref() == Some(key))
    }

    /// Every report in the tree's order, shown or not.
    pub fn reports_in_order(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.places.len());
        for &node in &self.roots {
            self.collect_reports(node, &mut order);
        }
        order
    }

    fn collect_reports(&self, node: Node, order: &mut Vec<usize>) {
        match node {
            Node::Group(g) => {
                let Some(group) = self.groups.get(g) else { return };
                for &city in &group.groups {
                    self.collect_reports(Node::Group(city), order);
                }
                for &district in &group.districts {
                    self.collect_reports(Node::District(district), order);
                }
            }
            Node::District(d) => order.extend(self.districts.get(d).map_or(&[][..], |d| &d.reports)),
        }
    }

    /// The line of the parent of the node at `line` (itself for top-level nodes).
    pub fn parent_line(&self, line: usize) -> usize {
        let Some(depth) = self.lines.get(line).map(|l| l.depth).filter(|&d| d > 0) else { return line };
        self.lines[..line].iter().rposition(|l| l.depth < depth).unwrap_or(line)
    }
}

/// Whether `names` holds more than one distinct name (absent names not counted).
fn more_than_one<'a>(names: impl Iterator<Item = Option<&'a str>>) -> bool {
    let mut names = names.flatten();
    names.next().is_some_and(|first| names.any(|name| name != first))
}

/// The key of the group `name` under the group keyed `parent`: its path (`g:浙江省/湖州市/`).
fn group_key(parent: Option<&str>, name: &str) -> String {
    format!("{}{name}/", parent.unwrap_or("g:"))
}

/// The key of the district `name` under the group keyed `parent` (`d:浙江省/湖州市/吴兴区`).
fn district_key(parent: Option<&str>, name: &str) -> String {
    let path = parent.and_then(|key| key.strip_prefix("g:")).unwrap_or_default();
    format!("d:{path}{name}")
}

/// Flattening the open part of the tree into lines.
struct Layout<'a> {
    tree: &'a DistrictTree,
    reports: &'a [Report],
    glyphs: &'a Glyphs,
}

impl Layout<'_> {
    fn node(&self, node: Node, depth: usize, lines: &mut Vec<TreeLine>) {
        match node {
            Node::Group(g) => self.group(g, depth, lines),
            Node::District(d) => self.district(d, depth, lines),
        }
    }

    /// A group's line (`▾ 浙江省 (12)` and its missed rows; under a filter, of the districts it
    /// lets through), then what is under it when open; nothing when the filter lets none of its
    /// districts through.
    fn group(&self, g: usize, depth: usize, lines: &mut Vec<TreeLine>) {
        let (tree, glyphs) = (self.tree, self.glyphs);
        let Some(group) = tree.groups.get(g) else { return };
        let (count, missed) = match &tree.matched {
            Some((_, per_group)) => per_group.get(g).copied().unwrap_or_default(),
            None => (group.district_count, group.missed),
        };
        if count == 0 {
            return;
        }
        let open = tree.group_open(g);
        let marker = if open { glyphs.expanded } else { glyphs.collapsed };
        lines.push(TreeLine {
            item: TreeItem::Group(g),
            depth,
            label: format!("{marker} {} ({count})", glyphs.display(&group.name)),
            badge: (missed > 0).then(|| (format!("✗{missed}"), true)),
        });
        if open {
            for &city in &group.groups {
                self.group(city, depth + 1, lines);
            }
            for &district in &group.districts {
                self.district(district, depth + 1, lines);
            }
        }
    }

    /// A district's line, then its reports when open (a closed one shows its missed rows).
    fn district(&self, d: usize, depth: usize, lines: &mut Vec<TreeLine>) {
        let (tree, glyphs) = (self.tree, self.glyphs);
        let Some(district) = tree.districts.get(d) else { return };
        if tree.matched.as_ref().is_some_and(|(matched, _)| !matched.contains(&d)) {
            return;
        }
        let open = tree.district_open(d);
        let marker = if open { glyphs.expanded } else { glyphs.collapsed };
        lines.push(TreeLine {
            item: TreeItem::District(d),
            depth,
            label: format!("{marker} {}", glyphs.display(&district.name)),
            badge: (!open && district.missed > 0).then(|| (format!("✗{}", district.missed), true)),
        });
        if !open {
            return;
        }
        let year_of = |index: usize| self.reports.get(index).and_then(|r| r.title.review_year);
        let mut per_year: HashMap<Option<u16>, usize> = HashMap::new();
        for &index in &district.reports {
            *per_year.entry(year_of(index)).or_default() += 1;
        }
        for &index in &district.reports {
            let Some(report) = self.reports.get(index) else { continue };
            let counts = tree.counts.get(index).copied().unwrap_or_default();
            let year = report.title.review_year.map_or("?".to_owned(), |y| y.to_string());
            // Two reports of one district and year are told apart by their files.
            let label = match per_year.get(&year_of(index)) {
                Some(&n) if n > 1 => {
                    let file = glyphs.truncate(&glyphs.display(file_name(&report.file)), FILE_NAME_WIDTH);
                    format!("{year}年 {file}")
                }
                _ => format!("{year}年"),
            };
            lines.push(TreeLine {
                item: TreeItem::Report(index),
                depth: depth + 1,
                label,
                badge: (counts.reviewed > 0).then(|| {
                    let mark = if counts.missed > 0 { "✗" } else { "✓" };
                    let prose = if counts.in_prose { glyphs.display(PROSE_MARK) } else { "".into() };
                    (format!("{mark}{}/{}{prose}", counts.missed, counts.reviewed), counts.missed > 0)
                }),
            });
        }
    }
}
