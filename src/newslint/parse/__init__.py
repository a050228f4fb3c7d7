"""Input front ends: each turns a document's text into paragraphs with source offsets."""

from newslint.parse.plaintext import split_paragraphs

__all__ = ["split_paragraphs"]
