//! The board view: composition charts on a chosen date, the roster, and the listing-rule checks.

use crate::components::segmented::Segmented;
use crate::components::source::SourceLine;
use crate::components::table_scroll::TableScroll;
use crate::echart::EChart;
use crate::state::use_nav;
use esg_data::{Gender, Report, Role};
use esg_explorer::board::{composition, date, listing_rules, matches_report, standing, RuleKind, Standing};
use esg_explorer::format;
use esg_explorer::i18n::Msg;
use esg_explorer::prebuilt;
use esg_explorer::url::BoardDate;
use leptos::prelude::*;

fn role_msg(r: Role) -> Msg {
    match r {
        Role::Executive => Msg::RoleExecutive,
        Role::NonExecutive => Msg::RoleNonExecutive,
        Role::IndependentNonExecutive => Msg::RoleIndependent,
    }
}

#[component]
pub fn BoardView(report: &'static Report) -> impl IntoView {
    let nav = use_nav();
    let theme = crate::state::use_theme();
    let lang = move || nav.lang();
    let t = move |m: Msg| m.text(lang());
    let when = move || nav.board();
    let day = move || date(report, when()).to_owned();
    let comp = move || composition(report, &day());
    let spec = Memo::new(move |_| {
        crate::data::chart(&prebuilt::key(prebuilt::BOARD, &day(), lang(), theme.get())).unwrap_or_default()
    });
    let check = move || {
        let c = comp();
        let differs = || Msg::BoardDiffers.for_report(lang(), report);
        if when() == BoardDate::PeriodEnd && matches_report(report, &c) {
            format!("✓ {}", t(Msg::BoardMatches))
        } else if when() == BoardDate::PeriodEnd {
            format!("✗ {}", differs())
        } else {
            differs()
        }
    };
    let rules = move || {
        listing_rules(&comp())
            .into_iter()
            .map(|r| {
                let text = match r.kind {
                    RuleKind::AtLeastThreeIneds => Msg::RuleThreeIneds,
                    RuleKind::InedsOneThird => Msg::RuleOneThird,
                    RuleKind::NotSingleGender => Msg::RuleGender,
                };
                view! {
                    <li class=if r.passes { "rule pass" } else { "rule fail" } data-rule=r.rule>
                        <strong>{if r.passes { format!("✓ {}", t(Msg::Pass)) } else { format!("✗ {}", t(Msg::Fail)) }}</strong>
                        " " {t(text)} " "
                        <span class="code">{Msg::RuleSource.fill(lang(), &[("rule", r.rule)])}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let roster_caption = move || {
        format!(
            "{} · {}",
            t(Msg::Roster),
            Msg::AsOf.fill(lang(), &[("date", &format::date(&day(), lang()))])
        )
    };
    let roster = move || {
        let on_day = day();
        report
            .directors
            .iter()
            .map(|d| {
                let standing = standing(d, &on_day);
                let gender = if d.gender == Gender::Female { Msg::GenderFemale } else { Msg::GenderMale };
                let mut notes = Vec::new();
                if let Some(a) = &d.appointed {
                    notes.push(Msg::Appointed.fill(lang(), &[("date", &format::date(a, lang()))]));
                }
                if let Some(c) = &d.ceased {
                    notes.push(Msg::Ceased.fill(lang(), &[("date", &format::date(c, lang()))]));
                }
                if d.romanisation == esg_data::Romanisation::JapaneseReading {
                    notes.push(t(Msg::RomanisationGuess).to_owned());
                }
                view! {
                    <tr class:not-serving=standing == Standing::Ceased class:not-yet=standing == Standing::NotYetAppointed>
                        <th scope="row"><span lang="zh-Hant">{d.name.zh.clone()}</span><br/><span lang="en" class="en-name">{d.name.en.clone()}</span></th>
                        <td>{t(gender)}</td>
                        <td class="num">{d.age}</td>
                        <td>{t(role_msg(d.role))}{(!notes.is_empty()).then(|| view! { <span class="kpi-note">{notes.join("; ")}</span> })}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="section" id="section-board" aria-labelledby="h-board">
            <h2 id="h-board">{move || t(Msg::ViewBoard)}</h2>
            <div class="controls" role="group" aria-label=move || t(Msg::BoardShows)>
                <span class="control-label">{move || t(Msg::BoardShows)}</span>
                <Segmented
                    options=vec![(BoardDate::PeriodEnd, Msg::BoardAsOfPeriodEnd), (BoardDate::AfterChange, Msg::BoardAsOfChange)]
                    current=Signal::derive(when)
                    on_pick=Callback::new(move |b| nav.go(|s| s.board = b))
                    report=report
                />
            </div>
            <p class="board-date" data-testid="board-date">{move || Msg::AsOf.fill(lang(), &[("date", &format::date(&day(), lang()))])}</p>
            <div class="tiles">
                <div class="tile"><div class="tile-label">{move || t(Msg::Directors)}</div><div class="tile-value" data-testid="board-count">{move || comp().directors}</div></div>
                <div class="tile"><div class="tile-label">{move || t(Msg::Independence)}</div><div class="tile-value" data-testid="board-independent">{move || format!("{} / {}", comp().independent, comp().directors)}</div></div>
                <div class="tile"><div class="tile-label">{move || t(Msg::GenderFemale)}</div><div class="tile-value">{move || format!("{} / {}", comp().female, comp().directors)}</div></div>
            </div>
            <p class="check" data-testid="board-check">{check}</p>
            <div class="groups">
                <section class="group">
                    <h3>{move || t(Msg::GroupBoard)}</h3>
                    <EChart key="board" chart=spec eager=true/>
                    <SourceLine/>
                </section>
                <section class="group">
                    <h3>{move || t(Msg::ListingRules)}</h3>
                    <ul class="rules">{rules}</ul>
                </section>
            </div>
            <h3>{move || t(Msg::Roster)}</h3>
            <TableScroll label=Signal::derive(roster_caption)>
                <table class="roster">
                    <caption>{roster_caption}</caption>
                    <thead><tr>
                        <th scope="col">{move || t(Msg::Name)}</th>
                        <th scope="col">{move || t(Msg::Gender)}</th>
                        <th scope="col" class="num">{move || t(Msg::Age)}</th>
                        <th scope="col">{move || t(Msg::Role)}</th>
                    </tr></thead>
                    <tbody>{roster}</tbody>
                </table>
            </TableScroll>
            <p class="kpi-note">{move || t(Msg::NamesRomanised)}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    /// The roster row of `name` in the static board page at `path` (`asof` in the query is
    /// not part of a page, so this is the period-end board).
    fn row(path: &str, name: &str) -> String {
        let report = crate::data::report().expect("embedded report");
        let html = crate::pages::body(report, path, "charts/");
        let at = html.find(name).unwrap_or_else(|| panic!("{name} on {path}"));
        let start = html[..at].rfind("<tr").expect("row start");
        let end = at + html[at..].find("</tr>").expect("row end");
        html[start..end].to_owned()
    }

    /// On the board as at 31 Dec 2022 the director appointed on 14 Apr 2023 is not struck
    /// through as if removed: he reads "appointed 14 Apr 2023".
    #[test]
    fn a_later_appointee_reads_appointed_and_is_not_struck_through() {
        for (path, note) in [
            ("zh-hant/board/", "於2023年4月14日獲委任"),
            ("en/board/", "Appointed 14 Apr 2023"),
        ] {
            let r = row(path, "金色一賢");
            assert!(!r.contains("not-serving"), "{path}: {r}");
            assert!(r.contains("not-yet"), "{path}: {r}");
            assert!(r.contains(note), "{path}: {r}");
            let serving = row(path, "李卓霖");
            assert!(
                !serving.contains("not-serving") && !serving.contains("not-yet"),
                "{path}: {serving}"
            );
        }
    }
}
