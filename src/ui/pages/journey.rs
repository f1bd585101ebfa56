//! "Where you are": the police case and children's social care side by side (stacked on a
//! phone), each stage with what happens, the usual timing and its source; where she marked
//! herself on each; her key dates on the track they belong to, the next one highlighted.
//! Also the home page's "Now: … Next: …" lines. Loaded on demand with the notebook's chunk
//! (see `ui::lazy`), with its own stylesheet (`public/journey.css`), so none of it is part
//! of the first visit.

use crate::adapters::browser;
use crate::content::Stage;
use crate::domain::journey::{
    dates_on, now_and_next, position, stages, suggested_police_stage, Position, Track, UNKNOWN,
};
use crate::domain::nation::Nation;
use crate::ui::components::page::use_page_title;
use crate::ui::components::sources::SourceList;
use crate::ui::nav::href;
use crate::ui::pages::notebook::describe;
use crate::ui::store::use_store;
use leptos::prelude::*;

/// Loads the page's stylesheet (once per visit).
fn use_journey_styles() {
    browser::add_stylesheet("app-journey-css", "journey.css");
}

/// The source keys of `list`, each once, in order of first use.
fn source_keys(list: &[&'static Stage]) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = Vec::new();
    for key in list.iter().flat_map(|s| s.sources.iter().copied()) {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

#[component]
pub fn JourneyPage() -> impl IntoView {
    use_page_title(|| "Where you are".to_owned());
    use_journey_styles();
    let store = use_store();
    let nation = store.snapshot.with_untracked(|s| s.data.nation.nation());
    let all: Vec<&'static Stage> = Track::ALL
        .into_iter()
        .flat_map(|t| stages(nation, t))
        .collect();
    // Sources are numbered once for the page; each stage links to its own.
    let keys: &'static [&'static str] = Vec::leak(source_keys(&all));
    let showing = match nation {
        Some(n) => view! {
            <p class="app-body" id="journey-nation">
                "Showing the steps for " {n.name()} ". "
                <a class="app-no-print" href=href("/settings#nation")>"Change"<span class="app-visually-hidden">" where you live"</span></a>
            </p>
        }
        .into_any(),
        None => view! {
            <p class="app-body" id="journey-nation">
                "You have not said where you live, so this shows England and Wales. "
                "For children's social care it shows the steps in England. "
                <a class="app-no-print" href=href("/settings#nation")>"Choose where you live"</a>
            </p>
        }
        .into_any(),
    };
    view! {
        <h1 class="app-heading-xl">"Where you are"</h1>
        <p class="app-body app-lead">
            "Two things can happen at once: the police case, and children's social care. "
            "They move at different speeds. Each list shows the usual steps, in order. "
            "Not every case goes through every step."
        </p>
        {showing}
        <p class="app-body app-no-print">
            "Mark where you are on each. Only you can see this. "
            <button type="button" class="app-button app-button--secondary" on:click=|_| browser::print()>"Print this page"</button>
        </p>
        <div class="app-journey">
            <TrackColumn track=Track::Police nation keys/>
            <TrackColumn track=Track::Care nation keys/>
        </div>
        <p class="app-body app-journey__note">
            "Timings are what the guidance says should usually happen. Ask the police or the social worker about your own case."
        </p>
        <div class="app-no-print">
            <SourceList keys prefix="journey-src".to_owned()/>
        </div>
    }
}

/// The citation links for one stage ("source 3"), numbered as in the page's source list.
fn citations(stage: &'static Stage, keys: &'static [&'static str]) -> impl IntoView {
    stage
        .sources
        .iter()
        .filter_map(|key| keys.iter().position(|k| k == key))
        .map(|i| {
            let n = i + 1;
            view! {
                <sup class="app-cite app-no-print">
                    <a href=format!("#journey-src-{n}") aria-label=format!("source {n}")>{n}</a>
                </sup>
            }
        })
        .collect_view()
}

/// One track: her dates on it, its stages in order (the one she marked and the next shown
/// as such), and the question "Where are you now?".
#[component]
fn TrackColumn(
    track: Track,
    nation: Option<Nation>,
    keys: &'static [&'static str],
) -> impl IntoView {
    let store = use_store();
    let list = stages(nation, track);
    let heading_id = format!("track-{}", track.id());
    let labelled_by = heading_id.clone();
    let here = Memo::new(move |_| {
        store
            .snapshot
            .with(|s| position(&s.data.journey, nation, track))
    });
    let stage_items = list
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let stage: &'static Stage = stage;
            let class = move || match here.get() {
                Position::At(at) if at == i => "app-stage app-stage--current",
                Position::At(at) if at + 1 == i => "app-stage app-stage--next",
                _ => "app-stage",
            };
            let label = move || match here.get() {
                Position::At(at) if at == i => "You are here",
                Position::At(at) if at + 1 == i => "Next",
                _ => "",
            };
            view! {
                <li class=class id=format!("stage-{}", stage.id)>
                    <h3 class="app-stage__name">
                        {stage.name}
                        <Show when=move || !label().is_empty()>
                            <span class="app-stage__tag">{label}</span>
                        </Show>
                    </h3>
                    <p class="app-stage__what">{stage.what}</p>
                    <p class="app-stage__timing"><strong>"Timing: "</strong>{stage.timing}{citations(stage, keys)}</p>
                    {(!stage.branches.is_empty()).then(|| view! {
                        <p class="app-stage__branches"><strong>"It can lead to: "</strong>{stage.branches}</p>
                    })}
                    <p class="app-stage__links app-no-print">
                        <a href=href(stage.guide)>"Read more"<span class="app-visually-hidden">": "{stage.name}</span></a>
                        " · "
                        <a href=href(stage.help)>{stage.help_text}</a>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="app-track" aria-labelledby=labelled_by>
            <h2 class="app-heading-l" id=heading_id>{track.name()}</h2>
            <YourPlace track nation/>
            <TrackDates track/>
            <ol class="app-stages">{stage_items}</ol>
            <MarkStage track nation/>
        </section>
    }
}

/// Where she marked herself on this track, in words (and a suggestion from her safety plan
/// for the police case, which she confirms).
#[component]
fn YourPlace(track: Track, nation: Option<Nation>) -> impl IntoView {
    let store = use_store();
    let words = move || {
        store
            .snapshot
            .with(|s| match now_and_next(&s.data.journey, nation, track) {
                None => "You have not marked where you are yet.".to_owned(),
                Some((now, next)) => {
                    let next = next.map_or(String::new(), |n| format!(" Next: {n}."));
                    format!("Now: {now}.{next}")
                }
            })
    };
    let suggestion = move || {
        if track != Track::Police {
            return None;
        }
        store.snapshot.with(|s| {
            if !s.data.journey.marked(track).is_empty() {
                return None;
            }
            suggested_police_stage(s.data.plan.body.standing.status, nation)
        })
    };
    let suggested_name = move || {
        suggestion().map(|id| {
            if id == UNKNOWN {
                "I do not know".to_owned()
            } else {
                stages(nation, track)
                    .iter()
                    .find(|s| s.id == id)
                    .map_or(String::new(), |s| s.name.to_owned())
            }
        })
    };
    view! {
        <p class="app-track__place" id=format!("place-{}", track.id())>{words}</p>
        <Show when=move || suggestion().is_some()>
            <div class="app-track__suggest app-no-print">
                <p>"Your safety plan says where the police case stands. That is usually: "
                    <strong>{move || suggested_name().unwrap_or_default()}</strong>"."</p>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                    if let Some(id) = suggestion() {
                        store.snapshot.update(|s| s.data.journey.mark(track, id));
                    }
                }>"Yes, mark this"</button>
            </div>
        </Show>
    }
}

/// Her key dates that belong on this track: coming up (the next one highlighted), then
/// past ones.
#[component]
fn TrackDates(track: Track) -> impl IntoView {
    let store = use_store();
    let today = browser::today();
    let dates = Memo::new(move |_| {
        store.snapshot.with(|s| {
            let (upcoming, past) = dates_on(&s.data.dates, track, &today);
            (
                upcoming.into_iter().map(describe).collect::<Vec<_>>(),
                past.into_iter().map(describe).collect::<Vec<_>>(),
            )
        })
    });
    let has_any = move || dates.with(|(u, p)| !u.is_empty() || !p.is_empty());
    view! {
        <Show when=has_any>
            <div class="app-track__dates">
                <h3 class="app-heading-s">"Your dates"</h3>
                <ul class="app-dates">
                    {move || {
                        let (upcoming, past) = dates.get();
                        let upcoming = upcoming.into_iter().enumerate().map(|(i, d)| {
                            if i == 0 {
                                view! { <li class="app-date app-date--next"><strong>"Next: "</strong>{d}</li> }.into_any()
                            } else {
                                view! { <li class="app-date">{d}</li> }.into_any()
                            }
                        }).collect_view();
                        let past = past.into_iter().map(|d| view! {
                            <li class="app-date app-date--past">"Past: "{d}</li>
                        }).collect_view();
                        (upcoming, past)
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// "Where are you now?": a radio per stage, and "I do not know". Saved as soon as she
/// chooses.
#[component]
fn MarkStage(track: Track, nation: Option<Nation>) -> impl IntoView {
    let store = use_store();
    let marked = move || {
        store
            .snapshot
            .with(|s| s.data.journey.marked(track).to_owned())
    };
    let name = format!("mark-{}", track.id());
    let choices: Vec<(&'static str, &'static str)> = stages(nation, track)
        .iter()
        .map(|s| (s.id, s.name))
        .chain(std::iter::once((UNKNOWN, "I do not know")))
        .collect();
    let radios = choices
        .into_iter()
        .map(|(id, label)| {
            let input_id = format!("{name}-{id}");
            view! {
                <div class="app-choice">
                    <input class="app-choice__input" type="radio" name=name.clone() id=input_id.clone() value=id
                        prop:checked=move || marked() == id
                        on:change=move |_| store.snapshot.update(|s| s.data.journey.mark(track, id))/>
                    <label class="app-choice__label" for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let clear = move |_| store.snapshot.update(|s| s.data.journey.mark(track, ""));
    view! {
        <fieldset class="app-fieldset app-no-print">
            <legend class="app-fieldset__legend">
                <h3 class="app-heading-s">"Where are you now?"<span class="app-visually-hidden">" "{track.name()}</span></h3>
            </legend>
            {radios}
            <Show when=move || !marked().is_empty()>
                <button type="button" class="app-button app-button--secondary" on:click=clear>
                    "Clear"<span class="app-visually-hidden">" where you are in "{track.name().to_lowercase()}</span>
                </button>
            </Show>
        </fieldset>
    }
}

/// The home page's lines, once she has marked a track: "Now: … Next: …" for each, linking
/// to the journey.
#[component]
pub fn JourneySummary() -> impl IntoView {
    use_journey_styles();
    let store = use_store();
    let lines = move || {
        store.snapshot.with(|s| {
            let nation = s.data.nation.nation();
            Track::ALL
                .into_iter()
                .filter_map(|t| {
                    let (now, next) = now_and_next(&s.data.journey, nation, t)?;
                    let next = next.map_or(String::new(), |n| format!(" Next: {n}."));
                    Some((t.name(), format!("Now: {now}.{next}")))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !lines().is_empty()>
            <section class="app-notice app-journey-summary" aria-labelledby="journey-summary-title">
                <h2 class="app-notice__title" id="journey-summary-title">"Where you are"</h2>
                <ul>
                    {move || lines().into_iter().map(|(track, line)| view! {
                        <li><strong>{track}": "</strong>{line}</li>
                    }).collect_view()}
                </ul>
                <p><a href=href("/journey")>"See both journeys"</a></p>
            </section>
        </Show>
    }
}
