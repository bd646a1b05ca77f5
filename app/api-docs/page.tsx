import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ApiOperation } from "@/components/api-docs/api-operation";
import { DocText } from "@/components/api-docs/doc-text";
import { SchemaView } from "@/components/api-docs/schema-view";
import { apiDocsView } from "@/lib/api/openapi-view";
import { openApiDocument } from "@/lib/api/openapi-document";
import { requirePageUser } from "@/lib/auth/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

/** This site's address as the browser used it, for the curl examples. */
async function siteOrigin(): Promise<string> {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${host}`;
}

export default async function ApiDocsPage() {
  await requirePageUser();
  const [t, origin] = await Promise.all([getTranslations("apiDocs"), siteOrigin()]);
  const { info, securitySchemes, groups, schemas } = apiDocsView(openApiDocument(), origin);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold">
          {t("title")} <span className="text-base font-normal text-slate-500">{info.title} {info.version}</span>
        </h1>
        <p className="text-sm text-slate-700">
          {t("intro")}{" "}
          <a href="/api/v1/openapi.json" className="font-mono text-red-800 underline">
            /api/v1/openapi.json
          </a>
        </p>
        {info.description && <p className="mt-1 text-sm text-slate-700"><DocText text={info.description} /></p>}
      </header>

      <section>
        <h2 className="text-lg font-semibold">{t("auth")}</h2>
        <p className="text-sm">{t("authText")}</p>
        <ul className="mt-1 list-disc pl-5 text-sm">
          {Object.entries(securitySchemes).map(([name, scheme]) => (
            <li key={name}>
              <code className="font-semibold">{name}</code> ({scheme.type}) {scheme.description && <DocText text={scheme.description} />}
            </li>
          ))}
        </ul>
        <p className="mt-1 text-sm">
          <Link href="/account/tokens" className="text-red-800 underline">
            {t("tokensLink")}
          </Link>
        </p>
      </section>

      <nav aria-label={t("title")} className="text-sm">
        <ul className="flex flex-wrap gap-3">
          {groups.map((group) => (
            <li key={group.name}>
              <a href={`#tag-${group.name}`} className="text-red-800 underline">{group.name}</a>
            </li>
          ))}
          <li>
            <a href="#schemas" className="text-red-800 underline">{t("schemas")}</a>
          </li>
        </ul>
      </nav>

      {groups.map((group) => (
        <section key={group.name} id={`tag-${group.name}`} className="flex flex-col gap-3">
          <h2 className="text-xl font-semibold">{group.name}</h2>
          {group.description && <p className="text-sm text-slate-700">{group.description}</p>}
          {group.operations.map((operation) => (
            <ApiOperation key={operation.id} operation={operation} />
          ))}
        </section>
      ))}

      <section id="schemas" className="flex flex-col gap-3">
        <h2 className="text-xl font-semibold">{t("schemas")}</h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <div key={name} id={`schema-${name}`} className="rounded border border-slate-200 bg-white p-3">
            <h3 className="font-mono font-semibold">{name}</h3>
            {schema.description && <p className="text-sm text-slate-600"><DocText text={schema.description} /></p>}
            <SchemaView schema={schema} />
          </div>
        ))}
      </section>
    </div>
  );
}
