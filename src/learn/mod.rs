//! Suggestions that learn from the annotator: a project keeps its own tagger,
//! learned from its reviewed documents.
//!
//! - [`lesson`]: what a reviewed document teaches (done: the whole text; in
//!   progress: only the reviewed spans; imported: as done unless asked otherwise);
//! - [`learner`]: [`Learner::learn`] — base weights plus reviewed documents, in id
//!   order, to new weights and a [`LearnRecord`] of what they learned from; the same
//!   documents always give the same weights;
//! - [`model_file`]: model files read with clear refusals (the shipped model used
//!   instead) and written atomically;
//! - [`project_model`]: the model of a project in `.sorot/model/`;
//! - [`quote_lessons`]: cues the annotator marked become project cues; patterns
//!   rejected again and again are suggested less surely;
//! - [`speaker_lessons`]: the speaker ranker's weights, stepped towards the
//!   annotator's speaker choices;
//! - [`lessons_file`]: those lessons beside a model file (`MODEL.lessons.json`),
//!   for `sorot analyze --model`;
//! - [`refresh`]: a document's open suggestions replaced by a newer model's, as
//!   one undoable edit, reviewed spans untouched;
//! - [`curve`] and [`review_log`]: the learning curve (suggestions at opening
//!   against what was saved) and active annotation time.
//!
//! The method (online perceptron updates from the base weights, constrained
//! decoding for partial reviews) and its settings were chosen by the simulation in
//! `examples/learning_curve.rs`; see the README for its figures.

pub mod curve;
pub mod learner;
pub mod lesson;
pub mod lessons_file;
pub mod model_file;
pub mod project_model;
pub mod quote_lessons;
pub mod refresh;
pub mod review_log;
pub mod speaker_lessons;
#[cfg(test)]
pub(crate) mod test_fixtures;

pub use curve::{learning_curve, Counts, CurvePoint, Opened};
pub use learner::{LearnDoc, LearnRecord, Learned, LearnedDoc, Learner};
pub use lesson::{lesson_of, Lesson, LessonOptions};
pub use lessons_file::{read_lessons, write_lessons, LessonsFileError};
pub use model_file::{read_model, read_model_or_shipped, write_model, ModelFileError};
pub use project_model::{ProjectModel, ProjectModelError};
pub use quote_lessons::QuoteLessons;
pub use refresh::refresh_edit;
pub use review_log::{ActiveClock, ReviewLog};
