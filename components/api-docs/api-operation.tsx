import { getTranslations } from "next-intl/server";
import type { OperationView } from "@/lib/api/openapi-view";
import { DocText } from "./doc-text";
import { SchemaView } from "./schema-view";

const methodStyle: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
};

/** One operation: method and path, parameters, request and response schemas, a curl example. */
export async function ApiOperation({ operation }: { operation: OperationView }) {
  const t = await getTranslations("apiDocs");
  return (
    <article id={operation.id} className="rounded border border-slate-200 bg-white p-4" data-operation={`${operation.method.toUpperCase()} ${operation.path}`}>
      <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 font-semibold uppercase ${methodStyle[operation.method] ?? "bg-slate-100"}`}>{operation.method}</span>
        <span className="font-semibold">{operation.path}</span>
        {operation.isPublic && <span className="rounded bg-slate-100 px-2 py-0.5 font-sans text-xs">{t("public")}</span>}
      </h3>
      <p className="mt-1 font-medium">{operation.summary}</p>
      {operation.description && <p className="text-sm text-slate-700"><DocText text={operation.description} /></p>}

      {operation.parameters.length > 0 && (
        <section className="mt-3">
          <h4 className="text-sm font-semibold">{t("parameters")}</h4>
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th className="p-1">{t("paramName")}</th>
                  <th className="p-1">{t("paramIn")}</th>
                  <th className="p-1">{t("paramType")}</th>
                  <th className="p-1">{t("paramRequired")}</th>
                  <th className="p-1">{t("paramDescription")}</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`} className="border-b border-slate-100">
                    <td className="p-1 font-mono">{parameter.name}</td>
                    <td className="p-1">{parameter.in}</td>
                    <td className="p-1 font-mono text-xs">{parameter.type}</td>
                    <td className="p-1">{parameter.required ? t("yes") : t("no")}</td>
                    <td className="p-1 text-slate-600">
                      {parameter.description && <DocText text={parameter.description} />}
                      {parameter.defaultValue !== null && <span className="ml-1">{t("defaultValue", { value: parameter.defaultValue })}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {operation.requestBody && (
        <section className="mt-3">
          <h4 className="text-sm font-semibold">
            {t("requestBody")} <span className="font-mono text-xs font-normal">{operation.requestBody.mediaType}</span>
          </h4>
          <SchemaView schema={operation.requestBody.schema} />
        </section>
      )}

      <section className="mt-3">
        <h4 className="text-sm font-semibold">{t("responses")}</h4>
        <ul className="text-sm">
          {operation.responses.map((response) => (
            <li key={response.status} className="py-0.5">
              <code className="font-semibold">{response.status}</code> <DocText text={response.description} />{" "}
              {response.mediaType && <span className="font-mono text-xs text-slate-500">{response.mediaType}</span>}
              {response.schema && <SchemaView schema={response.schema} depth={1} />}
            </li>
          ))}
        </ul>
      </section>

      <section className="mt-3">
        <h4 className="text-sm font-semibold">{t("example")}</h4>
        <pre className="overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-100">
          <code>{operation.curl}</code>
        </pre>
      </section>
    </article>
  );
}
