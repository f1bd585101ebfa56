//! The pages of a child's plan, in order.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    About,
    Guidance,
    Say,
    Questions,
    TalkTo,
    Afterwards,
    School,
}

impl Topic {
    pub const ALL: [Topic; 7] = [
        Self::About,
        Self::Guidance,
        Self::Say,
        Self::Questions,
        Self::TalkTo,
        Self::Afterwards,
        Self::School,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Self::About => "about",
            Self::Guidance => "guidance",
            Self::Say => "say",
            Self::Questions => "questions",
            Self::TalkTo => "talk-to",
            Self::Afterwards => "afterwards",
            Self::School => "school",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::About => "About this child",
            Self::Guidance => "What helps at this age",
            Self::Say => "What I will say",
            Self::Questions => "Questions they might ask",
            Self::TalkTo => "Who they can talk to",
            Self::Afterwards => "Afterwards",
            Self::School => "The school",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Self> {
        self.index().checked_sub(1).map(|i| Self::ALL[i])
    }
}
