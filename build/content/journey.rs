//! The journey's stages (`content/journey.toml`): the steps of the police case and of
//! children's social care for each nation, each with its sources and nations.

use super::data::{check_ids, check_keys, check_nations, Sources};
use super::markdown::{check_target, lint_text, Context};
use serde::Deserialize;

/// The two tracks, in the order the page shows them.
pub const TRACKS: &[&str] = &["police", "care"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneyFile {
    pub stage: Vec<StageEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageEntry {
    pub id: String,
    pub track: String,
    /// The nations this stage is true for (required: an empty or missing list fails with a
    /// message naming the stage).
    #[serde(default)]
    pub nations: Vec<String>,
    pub name: String,
    pub what: String,
    pub timing: String,
    pub branches: Option<String>,
    /// Required: a stage without a source fails with a message naming it.
    #[serde(default)]
    pub sources: Vec<String>,
    pub guide: String,
    pub help: String,
    pub help_text: String,
}

/// Checks every stage: a known track, nations, sources, real in-app links, plain words;
/// and every nation has stages on both tracks.
pub fn check_journey(
    journey: &JourneyFile,
    sources: &Sources,
    ctx: &Context,
    errors: &mut Vec<String>,
) {
    check_ids(
        "journey.toml",
        journey.stage.iter().map(|s| s.id.as_str()),
        errors,
    );
    for s in &journey.stage {
        let place = format!("journey.toml [{}]", s.id);
        if !TRACKS.contains(&s.track.as_str()) {
            errors.push(format!(
                "{place}: track {:?} is not one of {}",
                s.track,
                TRACKS.join(", ")
            ));
        }
        check_nations(&place, &s.nations, errors);
        // Also fails an empty or missing list ("no sources").
        check_keys(&place, &s.sources, sources, errors);
        for (field, text) in [
            ("name", &s.name),
            ("what", &s.what),
            ("timing", &s.timing),
            ("help_text", &s.help_text),
        ] {
            if text.trim().is_empty() {
                errors.push(format!(
                    "{place}: {field} is empty (write \"It varies.\" for an unknown timing)"
                ));
            }
        }
        for text in [&s.name, &s.what, &s.timing, &s.help_text]
            .into_iter()
            .chain(&s.branches)
        {
            let mut lint = Vec::new();
            lint_text(text, ctx, &mut lint);
            errors.extend(lint.into_iter().map(|e| format!("{place}: {e}")));
        }
        for (field, link) in [("guide", &s.guide), ("help", &s.help)] {
            if !link.starts_with('/') {
                errors.push(format!("{place}: {field} {link:?} must start with /"));
            } else if let Err(why) = check_target(link, ctx) {
                errors.push(format!("{place}: broken {field} link {link:?}: {why}"));
            }
        }
    }
    for nation in super::data::NATIONS {
        for track in TRACKS {
            let any = journey
                .stage
                .iter()
                .any(|s| s.track == *track && s.nations.iter().any(|n| n == nation));
            if !any {
                errors.push(format!(
                    "journey.toml: {nation} has no stages on the {track} track"
                ));
            }
        }
    }
}
