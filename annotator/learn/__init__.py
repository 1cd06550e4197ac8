"""A trainable sentence classifier: features, training with article-grouped cross-validation,
versioned model files, a learning curve, and uncertainty for active learning.

scikit-learn is an optional extra (``pip install -e '.[learn]'``); importing this package works
without it, and the functions that need it raise a clear MissingDependency error.
"""
