"""Reading CV files: bytes in, text plus flags out, or one clear `ExtractionError`. Pure
functions, no database; every limit is checked before the work it protects.

- `extract.extract_document(data, filename)`: the one way in; decides the type by content;
- `filetypes`: what a file really is (first bytes) and what its name promises;
- `pdf` (PDFium) with `pdf_hidden` (text a reader cannot see on a page);
- `docx` (python-docx with hardened XML) with `docx_styles` (how a run looks once styles apply);
- `text` (plain text and Markdown in any encoding), `json_resume` (JSON Resume as CV text);
- `archive`: ZIPs and folders of CVs, checked for bombs before anything is unpacked;
- `hidden_text`: what counts as invisible, shared by the PDF and DOCX readers;
- `tricks` with `injection_patterns`: prompt injection and keyword stuffing, quoted as flags;
- `language`: Dutch or English;
- `document`: the value types (`ExtractedDocument`, `Flag`, `ExtractionLimits`, `ExtractionError`).
"""

from searchlight.screening.read.document import (
    ExtractedDocument,
    ExtractionError,
    ExtractionLimits,
    Flag,
)
from searchlight.screening.read.extract import extract_document

__all__ = ["ExtractedDocument", "ExtractionError", "ExtractionLimits", "Flag", "extract_document"]
