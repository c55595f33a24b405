//! Projects read from the project boxes of the five sample reports, and from bad input.
//!
//! Every expectation here was counted and copied by hand from the report texts in
//! `examples/reports/`, never from the parser's output.

use plangap::model::{Project, Report, Scope, Stage, WarningKind};
use plangap::parse::parse_report;
use proptest::prelude::*;
use std::sync::LazyLock;

static CORPUS: LazyLock<Vec<Report>> = LazyLock::new(|| plangap::corpus::load_embedded().reports);

/// The embedded report whose file name starts with `number` (`000`…`004`).
fn report(number: &str) -> &'static Report {
    CORPUS
        .iter()
        .find(|report| report.file.contains(&format!("/{number}_")))
        .unwrap_or_else(|| panic!("report {number} is embedded"))
}

/// The projects of the box whose caption starts with `caption`.
fn in_box<'r>(report: &'r Report, caption: &str) -> Vec<&'r Project> {
    report.projects.iter().filter(|project| project.table.starts_with(caption)).collect()
}

/// The project named `name` in the box whose caption starts with `caption`.
fn project<'r>(report: &'r Report, caption: &str, name: &str) -> &'r Project {
    let found: Vec<&Project> = in_box(report, caption).into_iter().filter(|p| *p.name == *name).collect();
    assert_eq!(found.len(), 1, "exactly one `{name}` in `{caption}` of {}", report.file);
    found[0]
}

/// The names of a box's projects, in order.
fn names(report: &Report, caption: &str) -> Vec<String> {
    in_box(report, caption).iter().map(|project| project.name.to_string()).collect()
}

/// The boxes that gave projects, in document order, with how many each gave (the projects of
/// paragraphs, captioned by their headings rather than a `专栏`/`表` caption, left out).
fn counts(report: &Report) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let boxed = report.projects.iter().filter(|project| project.table.starts_with(['专', '表']));
    for project in boxed {
        match counts.last_mut() {
            Some((table, count)) if **table == *project.table => *count += 1,
            _ => counts.push((project.table.to_string(), 1)),
        }
    }
    counts
}

/// Asserts one project's group, stage and progress.
fn assert_project(project: &Project, group: Option<&str>, stage: Option<Stage>, progress: Option<&str>) {
    assert_eq!(project.group.as_deref().map(String::as_str), group, "group of {}", project.name);
    assert_eq!(project.stage, stage, "stage of {}", project.name);
    assert_eq!(project.progress.as_deref().map(String::as_str), progress, "progress of {}", project.name);
}

fn owned(counts: &[(&str, usize)]) -> Vec<(String, usize)> {
    counts.iter().map(|(caption, count)| ((*caption).to_owned(), *count)).collect()
}

#[test]
fn qijiang_2022_box_counts() {
    assert_eq!(
        counts(report("000")),
        owned(&[
            ("专栏1：2022年完工投产重大项目", 15),
            ("专栏2：2022年10件区级民心工程完成情况", 10),
            ("专栏4：2023年新建基础设施重点项目", 33),
            ("专栏5：2023年新建工业基础设施及产业类重点项目", 60),
            ("专栏6：2023年新建城市品质提升重点项目", 17),
            ("专栏7：2023年新建乡村振兴重点项目", 10),
            ("专栏8：2023年10件区级民心工程计划", 10),
        ])
    );
}

#[test]
fn qijiang_2022_completed_projects_by_group() {
    let report = report("000");
    let first = project(report, "专栏1", "九龙大道至发展大道连接线工程");
    assert_project(first, Some("政府主导类项目"), Some(Stage::Completed), None);
    assert_eq!(first.line, 34);
    assert!(first.source.starts_with("政府主导类项目：九龙大道"), "source is the whole line, trimmed");
    // `…等14个项目。` is not part of the last name.
    let last = project(report, "专栏1", "2021年度高标准农田建设项目");
    assert_project(last, Some("政府主导类项目"), Some(Stage::Completed), None);
    let social = project(report, "专栏1", "食品园区分布式能源站建设项目");
    assert_project(social, Some("社会投资类项目"), Some(Stage::Completed), None);
    assert_eq!(social.line, 36);
    project(report, "专栏1", "綦江智能制造产业园蝴蝶谷片区子项目（一期）");
}

#[test]
fn qijiang_2022_people_works_are_titles_with_progress() {
    let report = report("000");
    assert_eq!(
        names(report, "专栏2")[..3],
        ["新建城区两所小学", "綦江区疾控中心迁建工程", "渝南上跨桥至发展大道连接线工程"]
    );
    let school = project(report, "专栏2", "新建城区两所小学");
    assert_project(school, None, None, Some("建成城区两所小学，新增学位3780个"));
    assert_eq!(school.line, 68);
    let youth = project(report, "专栏2", "区青少年活动中心");
    assert_project(youth, None, None, Some("加快建设区青少年活动中心"));
    let plan = project(report, "专栏8", "重庆医科学校（一期）");
    assert_project(plan, None, Some(Stage::Planned), None);
    project(report, "专栏8", "城区污水处理厂及管网改造项目");
}

#[test]
fn qijiang_2022_new_projects_keep_bracketed_lists_whole() {
    let report = report("000");
    let zaodu = project(report, "专栏4", "藻渡水库");
    assert_project(zaodu, Some("水利类"), Some(Stage::New), None);
    assert_eq!(zaodu.line, 262);
    let roads = project(
        report,
        "专栏4",
        "2023年建制村通双车道公路工程（通惠街道桥坝村、文龙街道沙溪桥至赵家沟水库道路、\
         隆盛镇石梁至玉星公路改建工程、三角镇旷家屋基至横山茶山路口改建工程、东溪白云道班至白云村公路改建工程）",
    );
    assert_project(roads, Some("交通类"), Some(Stage::New), None);
    assert_eq!(names(report, "专栏4").last().map(String::as_str), Some("石角镇供水改扩建工程"));
    project(report, "专栏6", "綦江区保障性租赁住房项目（二期、三期）");
    project(report, "专栏6", "永桐新城征地拆迁管线迁改（一期、二期）");
    // A `等` inside a name stays; the closing `等项目` goes.
    project(report, "专栏6", "綦江区燃气等老化更新改造项目");
    project(report, "专栏6", "重庆市统筹城乡塑料垃圾综合治理");
    assert_project(project(report, "专栏6", "农业科技孵化楼"), None, Some(Stage::New), None);
    assert_project(project(report, "专栏5", "三江物流基地（二期）"), Some("服务业"), Some(Stage::New), None);
    assert_project(project(report, "专栏5", "安稳风电场项目"), Some("能源"), Some(Stage::New), None);
    // `…示范工程等项目、50万头…` inside a list.
    project(report, "专栏7", "2022年高标准农田改造提升示范工程");
    assert_project(project(report, "专栏7", "中峰镇移民服务中心"), Some("其他"), Some(Stage::New), None);
}

#[test]
fn fuling_2022_box_counts_and_count_only_box() {
    let report = report("001");
    assert_eq!(
        counts(report),
        owned(&[("专栏2： 2023年制造业高质量发展重点任务", 35), ("专栏3： 2023年市区级重点项目计划", 32)])
    );
    // 专栏1 lists categories with counts (`高新区（含马鞍街道）建设项目38个`), no named project.
    assert!(report.projects.iter().all(|p| !p.table.contains("政府投资项目计划")));
}

#[test]
fn fuling_2022_stages_follow_the_verbs() {
    let report = report("001");
    let caption = "专栏2";
    assert_project(project(report, caption, "卡涞高性能复合材料二期"), Some("材料"), Some(Stage::New), None);
    assert_project(
        project(report, caption, "建峰年产5万吨碳酸二甲酯"),
        Some("材料"),
        Some(Stage::Ongoing),
        None,
    );
    assert_project(
        project(report, caption, "华峰年产30万吨尼龙66一体化"),
        Some("材料"),
        Some(Stage::Completed),
        None,
    );
    project(report, caption, "建峰新材料年产6万吨聚己二酸对苯二甲酸丁二酯（PBAT）/聚丁二酸丁二酯（PBS）");
    assert_project(
        project(report, caption, "吉利科技年产12GWh动力电池"),
        Some("汽车及装备制造"),
        Some(Stage::Completed),
        None,
    );
    assert_project(
        project(report, caption, "达新6英寸IGBT功率半导体生产线"),
        Some("电子信息"),
        Some(Stage::Completed),
        None,
    );
}

#[test]
fn fuling_2022_key_projects_take_their_stage_from_the_count_before_them() {
    let report = report("001");
    let caption = "专栏3";
    let new = project(report, caption, "涞滩河水环境治理工程");
    assert_project(new, Some("区级重点项目"), Some(Stage::New), None);
    assert_eq!(new.line, 465);
    assert_project(project(report, caption, "观音阁水库"), Some("区级重点项目"), Some(Stage::Ongoing), None);
    project(report, caption, "龙头港作业区二期工程12#、13#散货泊位及陆域堆场");
    assert_project(
        project(report, caption, "集绣大道（含污水管网工程）"),
        Some("区级重点项目"),
        Some(Stage::Completed),
        None,
    );
    let city = project(report, caption, "重庆港涪陵港区清溪作业区");
    assert_project(city, Some("市级重点项目"), Some(Stage::Planned), None);
    assert_project(
        project(report, caption, "新石大道一期"),
        Some("市级重点项目"),
        Some(Stage::Planned),
        None,
    );
}

#[test]
fn qijiang_2020_box_counts() {
    assert_eq!(
        counts(report("002")),
        owned(&[
            ("专栏1：2020年重大项目完成情况", 39),
            ("专栏2：2020年民心工程完成情况", 12),
            ("专栏5：2021年政府投资重点项目", 55),
            ("专栏6：2021年产业发展重点项目", 53),
            ("专栏7：2021年民心工程", 12),
        ])
    );
}

#[test]
fn qijiang_2020_groups_on_their_own_line_and_on_the_line() {
    let report = report("002");
    // `1．社会投资项目` stands above a list without a label of its own.
    assert_project(project(report, "专栏1", "索通锦旗碳素"), Some("社会投资项目"), None, None);
    assert_project(project(report, "专栏1", "牛肉制品生产加工"), Some("社会投资项目"), None, None);
    // Under `2．政府投资项目` each line has its own label.
    assert_project(project(report, "专栏1", "“四好农村路”838公里"), Some("交通路网"), None, None);
    assert_project(
        project(report, "专栏1", "永丰河甘溪槽及葫芦槽河段综合治理"),
        Some("农业农村"),
        None,
        None,
    );
    let progress = project(report, "专栏2", "沙溪滨河路二期（船厂至河东转盘段）工程");
    assert_project(progress, None, None, Some("正在变更设计方案"));
    assert_eq!(project(report, "专栏2", "邹进贤故居修缮工程").line, 59);
    let works = names(report, "专栏7");
    assert_eq!(works.first().map(String::as_str), Some("城区老旧小区改造提升工程"));
    assert_eq!(
        works.last().map(String::as_str),
        Some("河道水环境综合治理工程（新盛河沙溪段、通惠河客运中心至东方新天地段）")
    );
    assert!(in_box(report, "专栏7").iter().all(|p| p.stage == Some(Stage::Planned) && p.progress.is_none()));
}

#[test]
fn qijiang_2020_lists_running_over_lines() {
    let report = report("002");
    // `…、高庙度假区` / `连接道（一期）、…`
    let joined = project(report, "专栏5", "高庙度假区连接道（一期）");
    assert_project(joined, Some("乡村振兴"), Some(Stage::New), None);
    assert_eq!(joined.line, 454);
    assert_project(project(report, "专栏5", "蒲河石梁段综合治理"), Some("乡村振兴"), Some(Stage::New), None);
    assert_project(
        project(
            report,
            "专栏5",
            "受灾农村公路重建（古南、通惠、篆塘、永新、三角、石角、隆盛、永城、打通、郭扶、赶水）",
        ),
        Some("交通路网"),
        Some(Stage::Completed),
        None,
    );
    // A list broken over a blank line, and names broken mid-word.
    project(report, "专栏6", "安恒信息西南区域总部及西南信息安全产业基地");
    project(report, "专栏6", "年产10万吨植物蛋白饮料");
    assert_project(project(report, "专栏6", "橙天嘉禾影视"), Some("服务业项目"), Some(Stage::Planned), None);
    project(report, "专栏6", "渝黔农副产品综合批发市场(一期南区)");
    assert_project(
        project(report, "专栏6", "30个乡村旅游重点村培育工程"),
        Some("农业项目"),
        Some(Stage::Planned),
        None,
    );
}

#[test]
fn rongchang_2022_box_counts() {
    assert_eq!(
        counts(report("003")),
        owned(&[
            ("专栏1：2023年重大基础设施和生态环保项目", 32),
            ("专栏2：2023年重大前期项目", 11),
            ("专栏3：2023年重大产业投资项目", 31),
            ("专栏4：2023年十件重点民生实事", 10),
        ])
    );
}

#[test]
fn rongchang_2022_one_line_several_stages() {
    let report = report("003");
    let caption = "专栏1";
    assert_project(project(report, caption, "荣昌区环线高速公路"), Some("交通"), Some(Stage::New), None);
    assert_project(project(report, caption, "G348南迁广顺至安富"), Some("交通"), Some(Stage::Ongoing), None);
    assert_project(project(report, caption, "“四好农村公路”"), Some("交通"), Some(Stage::Completed), None);
    assert_project(
        project(report, caption, "白虎岩水库扩建项目"),
        Some("水利"),
        Some(Stage::Completed),
        None,
    );
    assert_project(project(report, caption, "许溪220千伏输变电工程"), Some("能源"), Some(Stage::New), None);
    assert_project(project(report, caption, "嵘盛里"), Some("城市开发项目"), Some(Stage::Ongoing), None);
    assert_project(
        project(report, caption, "厨余垃圾综合利用中心"),
        Some("生态环保"),
        Some(Stage::New),
        None,
    );
    assert_project(project(report, caption, "黄金坡水厂二期"), Some("生态环保"), Some(Stage::Ongoing), None);
    let early = project(report, "专栏2", "老桥水库扩建");
    assert_project(early, Some("水利、生态环保"), Some(Stage::Planned), None);
    assert_project(
        project(report, "专栏2", "瓷窑里宋窑遗址公园"),
        Some("城市基础设施"),
        Some(Stage::Planned),
        None,
    );
}

#[test]
fn rongchang_2022_lists_with_inner_etc() {
    let report = report("003");
    let services = names(report, "专栏3");
    let start = services.iter().position(|name| name == "吴家镇中心卫生院").expect("吴家镇中心卫生院");
    assert_eq!(
        services[start..start + 4],
        [
            "吴家镇中心卫生院",
            "黄金坡失能人员集中照护中心",
            "学院路小学改造",
            "中国·西部陶瓷之都（荣昌陶）展示交易中心"
        ]
    );
    assert_project(
        project(report, "专栏3", "学院路小学改造"),
        Some("服务业重大投资项目"),
        Some(Stage::Ongoing),
        None,
    );
    assert_project(
        project(report, "专栏3", "丘陵山区高标准农田改造"),
        Some("农业重大投资项目"),
        Some(Stage::Completed),
        None,
    );
    assert_eq!(
        names(report, "专栏4"),
        [
            "教育品质提升工程",
            "城市公园建设工程",
            "文体惠民工程",
            "“一老一小”保障工程",
            "特殊人群关爱行动",
            "反诈专项行动",
            "城镇老旧小区改造",
            "农村人居环境提质改善",
            "便民出行",
            "数字惠民",
        ]
    );
}

#[test]
fn qijiang_2024_project_boxes_and_narrative_boxes() {
    let report = report("004");
    let boxes: Vec<String> = counts(report).into_iter().map(|(caption, _)| caption).collect();
    for project_box in ["专栏3：", "专栏14：", "专栏17：", "专栏24：", "专栏29："] {
        assert!(boxes.iter().any(|caption| caption.starts_with(project_box)), "{project_box} in {boxes:?}");
    }
    // Narrative boxes that name no project in their sentences give none.
    for narrative in ["专栏4：", "专栏9：", "专栏23："] {
        assert!(!boxes.iter().any(|caption| caption.starts_with(narrative)), "{narrative} in {boxes:?}");
    }
    assert_eq!(in_box(report, "专栏3：").len(), 32);
    assert_eq!(in_box(report, "专栏14：").len(), 10);
    assert_eq!(in_box(report, "专栏17：").len(), 24);
    // 6 新建 + 6 续建 + 3 竣工, the 续建 list split at every top-level `、` as written
    // (`下北街片区、下关王片区、文昌宫片区城市更新及老旧小区改造` gives three names).
    assert_eq!(in_box(report, "专栏24：").len(), 15);
    assert_eq!(in_box(report, "专栏29：").len(), 10);
}

#[test]
fn qijiang_2024_projects_named_in_the_sentences_of_narrative_boxes() {
    let report = report("004");
    assert_eq!(
        names(report, "专栏10："),
        [
            "登瀛场",
            "孟家院",
            "长生沟",
            "永桐新城保障性租赁住房工程（一期）",
            "下北街防洪及城市更新项目",
            // `启动中华村、共同片区城中村改造`: two places sharing one kind of work
            "中华村",
            "共同片区城中村改造",
            "共同片区安置房项目",
            // `渝南市场小微停车场等6个项目上榜…`
            "渝南市场小微停车场",
            "萌动乐园",
            "欣悦园",
            // `升级改造巨龙广场、版画广场`
            "巨龙广场",
            "版画广场",
            "区数字化城市运行和治理中心",
        ]
    );
    assert_eq!(
        names(report, "专栏12："),
        [
            "采煤沉陷区综合治理及绿色产业转型EOD项目",
            "石笋沟矸石山治理",
            "后溪矿井水治理",
            // `开展双坝河和羊渡河水环境综合治理等项目前期工作`
            "双坝河和羊渡河水环境综合治理",
            "綦河流域水环境综合治理PPP项目",
            "化工搪瓷厂地块污染土壤及地下水修复项目",
            "受污染耕地安全利用示范项目",
            "綦江抽水蓄能电站",
            // `完成铝电解烟气深度治理、水泥一般固体废物综合利用等项目节能减排改造`
            "铝电解烟气深度治理",
            "水泥一般固体废物综合利用",
            // `实施年处理5万吨铝灰渣等项目`
            "年处理5万吨铝灰渣",
        ]
    );
    let park = project(report, "专栏10：", "萌动乐园");
    assert_eq!((park.line, park.stage), (265, Some(Stage::New)));
    let station = project(report, "专栏12：", "綦江抽水蓄能电站");
    assert_eq!(station.line, 290);
    let reservoir = project(report, "专栏25：", "梅子桥水库");
    assert_eq!((reservoir.line, reservoir.stage), (590, Some(Stage::New)));
}

#[test]
fn qijiang_2024_investment_review_lists_and_verdicts() {
    let report = report("004");
    let caption = "专栏3：";
    // Named in `包括…` and again in `其中：…完成年度目标任务`: one project.
    let ring_road = project(report, caption, "老瀛山环线公路");
    assert_project(ring_road, Some("交通类"), None, Some("完成年度目标任务"));
    assert_project(project(report, caption, "G210东溪场镇改线工程"), Some("交通类"), None, None);
    // `…、2024年农村公路安防工程3个项目全面完工`
    assert_project(
        project(report, caption, "2024年农村公路安防工程"),
        Some("交通类"),
        Some(Stage::Completed),
        None,
    );
    let zaodu = project(report, caption, "藻渡水库");
    assert_project(zaodu, Some("水利类"), None, Some("完成年度目标任务"));
    assert_eq!(zaodu.line, 184);
    assert_project(
        project(report, caption, "鼎锐盛精密机床整机生产线"),
        Some("工业类"),
        Some(Stage::Completed),
        None,
    );
    assert_project(
        project(report, caption, "重庆移通学院（三期）"),
        Some("社会事业类"),
        Some(Stage::Completed),
        None,
    );
    assert_project(
        project(report, caption, "古剑山东门康养（綦江区留置中心）"),
        Some("社会事业类"),
        None,
        Some("完成年度目标任务"),
    );
}

#[test]
fn qijiang_2024_people_works_progress() {
    let report = report("004");
    let caption = "专栏14：";
    assert_project(project(report, caption, "新建城区道路工程"), None, None, Some("完成年度目标任务23%"));
    assert_project(project(report, caption, "新增养老床位500张"), None, None, Some("完成年度目标任务的60%"));
    assert_project(project(report, caption, "江苏省人民医院重庆医院"), None, None, Some("完成年度目标任务"));
    assert_eq!(project(report, caption, "新增600套保障性租赁住房").line, 318);
    let plan = names(report, "专栏29：");
    assert_eq!(plan.first().map(String::as_str), Some("綦江区2025年农村供水保障工程"));
    assert_eq!(plan.last().map(String::as_str), Some("老瀛山环线公路"));
    assert!(in_box(report, "专栏29：").iter().all(|p| p.stage == Some(Stage::Planned)));
}

#[test]
fn qijiang_2024_plan_boxes_listing_projects_after_verbs() {
    let report = report("004");
    let caption = "专栏17：";
    assert_project(project(report, caption, "藻渡水库"), Some("水利类"), Some(Stage::Ongoing), None);
    assert_project(project(report, caption, "习安高速"), Some("交通类"), Some(Stage::New), None);
    assert_project(project(report, caption, "老瀛山环线公路"), Some("交通类"), Some(Stage::Completed), None);
    assert_project(
        project(report, caption, "东溪国家历史文化名镇（太平桥区域）房屋建筑修缮利用"),
        Some("社会事业类"),
        Some(Stage::Ongoing),
        None,
    );
    let caption = "专栏24：";
    assert_project(project(report, caption, "发展大道综合管廊"), Some("新建项目"), Some(Stage::New), None);
    assert_project(
        project(report, caption, "古南街道枣园社区基础配套设施改造工程"),
        Some("续建项目"),
        Some(Stage::Ongoing),
        None,
    );
    // `…城市燃气管道等老化更新改造等8个项目`: only the closing `等8个项目` goes.
    assert_project(
        project(report, caption, "城市燃气管道等老化更新改造"),
        Some("竣工项目"),
        Some(Stage::Completed),
        None,
    );
}

#[test]
fn zaodu_reservoir_everywhere_it_is_listed() {
    let mut found: Vec<(&str, &str, Option<Stage>)> = Vec::new();
    for report in CORPUS.iter() {
        for project in report.projects.iter().filter(|p| &*p.name == "藻渡水库") {
            found.push((&report.file[17..20], &*project.table, project.stage));
        }
    }
    assert_eq!(
        found,
        [
            ("000", "专栏4：2023年新建基础设施重点项目", Some(Stage::New)),
            // a paragraph: `藻渡水库、安习高速等项目前期工作有序推进`
            ("002", "（四）坚持以改革创新为根本动力，持续释放市场活力和社会创造力", Some(Stage::Planned)),
            // `推动藻渡水库、长征国家文化公园（重庆段）等加快建设`
            ("002", "（四）坚持创新驱动发展，纵深推进改革开放，有效释放经济发展活力", Some(Stage::Ongoing)),
            // `藻渡水库进入大坝填筑阶段`
            ("004", "专栏2：2024年重大战略落地推进情况", Some(Stage::Ongoing)),
            ("004", "专栏3：2024年重大项目投资建设情况", None),
            // `完成渝赤叙高速（綦江段）总工程量的80%、藻渡水库总工程量的38%`
            ("004", "专栏16：2025年抓重大战略落地重点", Some(Stage::Completed)),
            ("004", "专栏17：2025年基础设施建设重点", Some(Stage::Ongoing)),
        ]
    );
}

const TITLE: &str =
    "关于重庆市某某区2022年国民经济和社会发展计划执行情况及2023年国民经济和社会发展计划草案的报告\n";

fn parse(body: &str) -> Report {
    parse_report("test.txt", &format!("{TITLE}{body}")).expect("the title names both years")
}

#[test]
fn a_box_cut_off_mid_list_keeps_what_it_has_and_warns() {
    let report = parse("专栏1：2023年重点项目\n交通类：甲高速公路、乙大桥、丙隧道工程、\n");
    let names: Vec<&str> = report.projects.iter().map(|p| &*p.name).collect();
    assert_eq!(names, ["甲高速公路", "乙大桥", "丙隧道工程"]);
    assert!(
        report
            .projects
            .iter()
            .all(|p| p.group.as_deref().map(String::as_str) == Some("交通类") && p.line == 3)
    );
    assert!(
        report.warnings.iter().any(|w| w.line == 3 && matches!(w.kind, WarningKind::ListCutOff { .. })),
        "{:?}",
        report.warnings
    );
}

#[test]
fn an_empty_box_names_no_project_and_warns() {
    let report = parse("专栏1：2023年重点项目\n\n专栏2：2023年民生实事\n（三）下一节\n");
    assert!(report.projects.is_empty());
    let lines: Vec<usize> = report.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [2, 4]);
    assert_eq!(
        report.warnings[0].kind,
        WarningKind::EmptyBox { caption: "专栏1：2023年重点项目".to_owned() }
    );
    assert!(
        report.warnings[0].to_string().contains("`专栏1：2023年重点项目` is empty"),
        "{:?}",
        report.warnings
    );
}

#[test]
fn numbered_items_in_a_project_box() {
    let report = parse("专栏1：2023年重点项目\n1.甲水库工程\n2.乙大桥\n（1）丙隧道（一期、二期）\n");
    let names: Vec<&str> = report.projects.iter().map(|p| &*p.name).collect();
    assert_eq!(names, ["甲水库工程", "乙大桥", "丙隧道（一期、二期）"]);
    assert!(report.projects.iter().all(|p| p.stage == Some(Stage::Planned)));
}

#[test]
fn an_untitled_line_in_a_people_works_box_becomes_a_warning() {
    let long =
        "这一行没有标题而且很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长，说明情况。";
    let report = parse(&format!("专栏1：2022年民心工程完成情况\n甲工程：建成。\n{long}\n"));
    assert_eq!(report.projects.len(), 1);
    assert_eq!(report.projects[0].progress.as_deref().map(String::as_str), Some("建成"));
    assert!(report.warnings.iter().any(|w| w.line == 4), "{:?}", report.warnings);
}

proptest! {
    #[test]
    fn never_panics_on_box_like_text(pieces in prop::collection::vec(
        prop::sample::select(vec![
            "专栏1：2023年重点项目", "专栏2：2022年民心工程完成情况", "表1 指标", "交通类：", "、", "；", "。",
            "（", "）", "等项目", "等3个项目", "开工建设", "包括", "其中：", "全面完工", "1.", "\n", "\t",
            "甲", "工程", "项目", "完成年度目标任务", "：", "12#", "隆盛", "（三）", "注：",
        ]),
        0..60,
    )) {
        let report = parse(&pieces.concat());
        for project in &report.projects {
            prop_assert!(!project.name.is_empty());
            prop_assert!(project.line >= 1);
        }
    }
}

#[test]
fn a_box_laid_out_as_a_table_gives_one_project_per_row() {
    let body = "专栏3：2023年区级重点项目\n\
                \t序号\n\t项目名称\n\t建设性质\n\t建设内容\n\n\
                \t一、交通类\n\
                \t1\n\t甲高速公路（一期、二期）\n\t新开工\n\t全长20公里\n\n\
                \t2\n\t乙大桥\n\t续建\n\t\n\n\
                \t二、水利类\n\
                \t3\n\t丙水库\n\t\n\t库容1000万立方米\n";
    let report = parse(body);
    let rows: Vec<(&str, Option<&str>, Option<Stage>, u32)> = report
        .projects
        .iter()
        .map(|p| (&*p.name, p.group.as_deref().map(String::as_str), p.stage, p.line))
        .collect();
    assert_eq!(
        rows,
        [
            ("甲高速公路（一期、二期）", Some("交通类"), Some(Stage::New), 10),
            ("乙大桥", Some("交通类"), Some(Stage::Ongoing), 15),
            ("丙水库", Some("水利类"), Some(Stage::Planned), 21),
        ]
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn a_table_cut_off_mid_row_keeps_its_rows_and_warns_about_the_short_one() {
    let body = "专栏1：2022年重大项目完成情况\n\
                \t项目名称\n\t完成情况\n\
                \t甲工程\n\t主体完工\n\
                \t乙工程\n";
    let report = parse(body);
    assert_eq!(report.projects.len(), 2);
    assert_project(&report.projects[0], None, None, Some("主体完工"));
    assert_eq!(
        (&*report.projects[1].name, report.projects[1].progress.as_deref().map(String::as_str)),
        ("乙工程", None)
    );
    assert!(
        report.warnings.iter().any(|w| w.line == 7
            && matches!(&w.scope, Some(Scope::BoxTable(_)))
            && matches!(&w.kind, WarningKind::ShortRow { name, cells: 1, .. } if name == "乙工程")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn lines_that_name_no_project_become_warnings() {
    let report = parse(
        "专栏1：2023年重点项目\n交通类：甲高速公路、乙大桥等项目。\n说明：以上项目以最终审定为准，其他事项另行安排。\n孤立的标签\n",
    );
    let names: Vec<&str> = report.projects.iter().map(|p| &*p.name).collect();
    assert_eq!(names, ["甲高速公路", "乙大桥"]);
    let lines: Vec<usize> = report.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [4, 5], "{:?}", report.warnings);
}
