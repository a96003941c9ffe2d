//! Files on disk: reading articles safely, saving and loading annotations
//! atomically beside them. Never writes over an article.

mod annotation_file;
mod article;
mod atomic;

pub use annotation_file::{
    annotation_path_for, load_annotations, save_annotations, save_new_annotations, AnnotationFileError,
    ANNOTATION_SUFFIX,
};
pub use article::{read_article, read_article_bytes, refuse_binary, strip_bom, ArticleError, MAX_ARTICLE_BYTES};
pub use atomic::{write_atomically, write_new_atomically};
