"""Text processing: sentence segmentation, page-noise flags, jieba tokens, UTF-16 offsets."""
