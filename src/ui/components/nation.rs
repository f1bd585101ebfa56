//! Where she lives: the question (the four nations and "Not sure" as radios in the GOV.UK
//! pattern, a real fieldset and legend) and what her answer means on screen.

use crate::domain::nation::Residence;

/// Why Harbour asks, said under the question.
pub const WHY_WE_ASK: &str = "The law and the services are different in each part of the UK.";

/// The question as HTML, for the home page. Plain markup with one change handler on its
/// container, rather than a component per radio: the home page is in the shell, whose size
/// is budgeted, and this keeps the form elements' rendering code out of it. Ids are
/// `{name}-{answer}` ("home-nation-scotland"); each radio's value is the answer's id.
pub fn question_html(name: &str) -> String {
    let radios: String = Residence::CHOICES
        .into_iter()
        .map(|answer| {
            let (id, label) = (answer.id(), answer.label());
            format!(
                "<div class=\"app-choice\"><input class=\"app-choice__input\" type=\"radio\" \
                 name=\"{name}\" id=\"{name}-{id}\" value=\"{id}\"><label class=\"app-choice__label\" \
                 for=\"{name}-{id}\">{label}</label></div>"
            )
        })
        .collect();
    format!(
        "<fieldset class=\"app-fieldset\" aria-describedby=\"{name}-hint\"><legend \
         class=\"app-fieldset__legend\"><h2 class=\"app-notice__title\">Where do you live?</h2>\
         </legend><p class=\"app-hint\" id=\"{name}-hint\">{WHY_WE_ASK}</p>{radios}</fieldset>"
    )
}

/// What she sees because of her answer: "Showing information for Scotland."
pub fn showing(answer: Residence) -> String {
    match answer.nation() {
        Some(nation) => format!("Showing information for {}.", nation.name()),
        None => "Showing information for England, as you are not sure where you live.".to_owned(),
    }
}
