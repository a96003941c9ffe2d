//! Files on disk: reading articles safely, saving and loading annotations
//! atomically beside them. Never writes over an article.

mod annotation_file;
mod article;
mod atomic;
mod batch;
mod short;
mod text_hash;

pub use annotation_file::{
    annotation_path_for, is_marked_done, load_annotated_text, load_annotations, reversed_span, save_annotations,
    save_new_annotations, AnnotationFileError, ANNOTATION_SUFFIX,
};
pub use article::{
    read_article, read_article_bytes, refuse_binary, regular_file_size, special_kind, strip_bom, utf16_encoding,
    ArticleError, MAX_ARTICLE_BYTES,
};
pub use atomic::{write_atomically, write_new_atomically, write_new_atomically_unsynced};
pub use batch::{save_annotations_in_batch, save_new_annotations_in_batch, sync_folder};
pub use short::{abbreviate, bounded_message};
pub use text_hash::text_hash;
