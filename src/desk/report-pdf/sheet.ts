import type { PdfPage } from '../../platform/pdf/layout.ts';
import type { ReportFormat } from './format.ts';
import type { ReportTexts } from './texts.ts';

/** What every drawing function is handed: the page (document, fonts, cursor), and the words and formats of the report's language. */
export interface Sheet extends PdfPage {
  texts: ReportTexts;
  format: ReportFormat;
}
