//! Files on disk: reading articles safely, saving and loading annotations
//! atomically beside them. Never writes over an article.

mod annotation_file;
mod article;
mod atomic;
mod batch;

pub use annotation_file::{
    annotation_path_for, load_annotations, load_annotations_with_hash, save_annotations, text_hash,
    AnnotationFileError, ANNOTATION_SUFFIX,
};
pub use article::{read_article, read_article_bytes, refuse_binary, strip_bom, ArticleError, MAX_ARTICLE_BYTES};
pub use atomic::{write_atomically, write_atomically_unsynced};
pub use batch::{save_annotations_in_batch, sync_folder};
