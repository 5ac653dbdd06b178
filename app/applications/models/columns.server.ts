// Column sets that several areas read an application with, so that an application is named, its
// content read and its files listed alike in the screening, the jury's and the results' pages.
import { applications, attachments, users } from "../../../db/schema";

/** What names an application in a list: its id, its reference, its title, who runs it and where. */
export const applicationNaming = {
  id: applications.id,
  reference: applications.reference,
  title: applications.title,
  organisation: applications.organisation,
  country: applications.country,
};

/** An application as a page reads it in full: its naming, its edition, its state, language and content. */
export const applicationContent = {
  ...applicationNaming,
  editionId: applications.editionId,
  state: applications.state,
  language: applications.language,
  content: applications.content,
};

/** The applicant to write to, in their language (the query joins users on the applicant). */
export const applicantAddress = {
  applicantEmail: users.email,
  applicantName: users.name,
  applicantLocale: users.locale,
};

/** A supporting document as a list shows it: its id, the name it was sent with, its type and size. */
export const attachmentListing = {
  id: attachments.id,
  originalName: attachments.originalName,
  mimeType: attachments.mimeType,
  sizeBytes: attachments.sizeBytes,
};
