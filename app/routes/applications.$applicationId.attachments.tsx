import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../accounts/server/permissions.server";
import { FileField, ValidatedForm, type FormResult } from "../kernel/components/form";
import { zodErrors } from "../kernel/forms/errors";
import { PostForm, useT } from "../kernel/components/i18n";
import { deleteAttachmentSchema, uploadSchema } from "../applications/forms/application.server";
import { fieldError, parseFormBody, readFormBody, validateForm, type FormBody } from "../kernel/forms/validate.server";
import { formatNumber } from "../kernel/i18n";
import { formatFileSize } from "../kernel/components/file-size";
import { editBlocker } from "../applications/models/application.server";
import {
  addAttachment,
  attachmentTotals,
  deleteAttachment,
  listAttachments,
  megabytes,
} from "../applications/models/attachment.server";
import { ownApplication } from "../applications/server/route.server";
import areaCss from "../styles/applications.css";
import { routeHead } from "../kernel/components/route-head";
import { Notice } from "../kernel/components/notice";
import { ApplicationTaskHead } from "../applications/components/lists";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("applications.attachments_title", areaCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const application = ownApplication(user.id, params.applicationId);
  const files = listAttachments({ applicationId: application.id, applicantId: user.id });
  const { maxFileBytes, maxTotalBytes, maxPdfPages } = application.edition;
  return {
    applicationId: application.id,
    reference: application.reference,
    files: files.map((f) => ({ ...f, sha256: f.sha256.slice(0, 12) })),
    totals: attachmentTotals(files),
    limits: {
      file: megabytes(maxFileBytes),
      fileBytes: maxFileBytes,
      total: megabytes(maxTotalBytes),
      pages: maxPdfPages,
    },
    blocker: editBlocker(application),
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request);
  const application = ownApplication(user.id, params.applicationId);
  const base = `/applications/${application.id}/attachments`;
  const maxFileBytes = application.edition.maxFileBytes;
  const tooBig = () =>
    data(
      {
        errors: fieldError("file", "errors.file_too_big", { limit: megabytes(maxFileBytes) }),
        values: {},
        deleting: null,
      },
      { status: 413 },
    );
  let body: FormBody;
  try {
    body = await readFormBody(request, { maxBytes: maxFileBytes + 64 * 1024 });
  } catch (error) {
    if (error instanceof Response && error.status === 413) return tooBig();
    throw error;
  }
  if (body.kind === "urlencoded") {
    const form = await validateForm(request, deleteAttachmentSchema, await parseFormBody(body));
    if (!form.ok)
      return data(
        { errors: form.errors, values: form.values, deleting: String(form.values.attachmentId ?? "") },
        { status: 400 },
      );
    const result = deleteAttachment({ attachmentId: form.data.attachmentId, applicantId: user.id });
    if (!result.ok)
      return data(
        { errors: fieldError("confirm", result.error), values: form.values, deleting: form.data.attachmentId },
        { status: result.error === "errors.not_found" ? 404 : 400 },
      );
    return redirect(`${base}?deleted=1`);
  }
  // A parser may keep only the last segment of a file name, so the raw name is read first: a
  // name carrying a folder path is refused, not silently shortened.
  if (rawFileNameHasPath(body.bytes))
    return data(
      { errors: fieldError("file", "errors.file_name_invalid"), values: {}, deleting: null },
      { status: 400 },
    );
  const formData = await parseFormBody(body);
  const file = formData.get("file");
  if (file && typeof file !== "string" && file.size > maxFileBytes) return tooBig();
  const form = uploadSchema({ maxFileBytes, limitLabel: megabytes(maxFileBytes) }).safeParse({ file });
  if (!form.success || !file || typeof file === "string")
    return data(
      {
        errors: form.success ? fieldError("file", "errors.file_required") : zodErrors(form.error),
        values: {},
        deleting: null,
      },
      { status: 400 },
    );
  const result = await addAttachment({
    applicationId: application.id,
    applicantId: user.id,
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!result.ok)
    return data({ errors: fieldError("file", result.error, result.vars), values: {}, deleting: null }, { status: 400 });
  return redirect(`${base}?added=1`);
});

/** Whether a part's raw file name carries a folder path (Remix's parser would shorten it). */
function rawFileNameHasPath(body: Uint8Array): boolean {
  const text = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 1 << 20)).toString("latin1");
  const headerLines = (text.match(/^content-disposition:[^\r\n]*$/gim) ?? []).join("\n");
  const names = [...headerLines.matchAll(/filename\*?=(?:"((?:[^"\\\r\n]|\\.)*)"|([^;\r\n]*))/gi)].map((m) => {
    const raw = m[1] ?? m[2] ?? "";
    try {
      return decodeURIComponent(raw.replace(/^UTF-8''/i, ""));
    } catch {
      return raw;
    }
  });
  return names.some((name) => /[/\\]/.test(name) || name.includes(".."));
}

const TYPE_LABEL: Record<string, string> = { "application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG" };

export default function Attachments() {
  const t = useT();
  const { applicationId, reference, files, totals, limits, blocker } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (FormResult & { deleting?: string | null }) | undefined;
  const [params] = useSearchParams();
  const uploadResult = result && !result.deleting ? result : null;
  return (
    <>
      <ApplicationTaskHead
        applicationId={applicationId}
        reference={reference}
        title={t("applications.attachments_title")}
      />
      <p>{t("applications.attachments_intro")}</p>
      <ul>
        <li>{t("applications.limit_types")}</li>
        <li>{t("applications.limit_file", { limit: limits.file })}</li>
        <li>
          {t("applications.limit_total", {
            limit: limits.total,
            used: formatNumber(totals.bytes / 1048576, t.locale, { maximumFractionDigits: 1 }),
          })}
        </li>
        <li>{t("applications.limit_pages", { limit: limits.pages, used: totals.pages })}</li>
        <li>{t("applications.limit_videos")}</li>
      </ul>
      {params.get("added") ? <Notice>{t("applications.file_added")}</Notice> : null}
      {params.get("deleted") ? <Notice>{t("applications.file_deleted")}</Notice> : null}
      {blocker ? <p className="notice">{t(blocker)}</p> : null}
      {files.length === 0 ? (
        <p className="panel">{t("applications.files_empty")}</p>
      ) : (
        <ul className="applications-files">
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/attachments/${f.id}`} download>
                <bdi>{f.originalName}</bdi>
              </a>{" "}
              <span className="muted">
                {TYPE_LABEL[f.mimeType]}, {formatFileSize(f.sizeBytes, t)}
                {f.pages !== null ? `, ${t("applications.file_pages", { pages: f.pages })}` : ""}, SHA-256{" "}
                <code>{f.sha256}…</code>
              </span>
              {blocker ? null : (
                <PostForm place={`delete-${f.id}`} className="applications-delete">
                  {result?.deleting === f.id && result.errors ? (
                    <p className="field-error" id={`delete-${f.id}-error`}>
                      {t(Object.values(result.errors)[0].message)}
                    </p>
                  ) : null}
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="attachmentId" value={f.id} />
                  <div className="checkbox">
                    <input
                      type="checkbox"
                      id={`delete-${f.id}`}
                      name="confirm"
                      aria-describedby={result?.deleting === f.id ? `delete-${f.id}-error` : undefined}
                    />
                    <label htmlFor={`delete-${f.id}`}>
                      {t("applications.delete_confirm", { name: f.originalName })}
                    </label>
                  </div>
                  <button type="submit" className="button secondary">
                    {t("applications.delete")}
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {blocker ? null : (
        <>
          <h2>{t("applications.upload_title")}</h2>
          <ValidatedForm
            id="upload"
            result={uploadResult}
            encType="multipart/form-data"
            schema={() =>
              import("../applications/forms/application").then((m) =>
                m.uploadSchema({ maxFileBytes: limits.fileBytes, limitLabel: limits.file }),
              )
            }
          >
            <FileField
              name="file"
              label={t("applications.upload_label")}
              hint={t("applications.upload_hint")}
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            />
            <button type="submit" className="button">
              {t("applications.upload")}
            </button>
          </ValidatedForm>
        </>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
