import { getFormatter, getTranslations } from "next-intl/server";
import type { ApiTokenState } from "@/lib/api-tokens/list-api-tokens";
import { RevokeApiTokenButton } from "./revoke-api-token-button";

export type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  scope: "READ" | "WRITE";
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  state: ApiTokenState;
};

const stateStyle: Record<ApiTokenState, string> = {
  active: "text-emerald-800",
  expired: "text-slate-500",
  revoked: "text-red-800",
};

/** The user's own tokens: never the secret, only its prefix. */
export async function ApiTokenList({ tokens }: { tokens: ApiTokenRow[] }) {
  const [t, format] = await Promise.all([getTranslations("apiTokens"), getFormatter()]);
  if (tokens.length === 0) return <p>{t("empty")}</p>;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th className="p-2">{t("name")}</th>
            <th className="p-2">{t("prefix")}</th>
            <th className="p-2">{t("scope")}</th>
            <th className="p-2">{t("created")}</th>
            <th className="p-2">{t("lastUsed")}</th>
            <th className="p-2">{t("expires")}</th>
            <th className="p-2">{t("state")}</th>
            <th className="p-2">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-b border-slate-100" data-token-name={token.name} data-token-state={token.state}>
              <td className="p-2">{token.name}</td>
              <td className="p-2 font-mono">{token.prefix}…</td>
              <td className="p-2">{t(`scope_${token.scope}`)}</td>
              <td className="p-2">{when(token.createdAt)}</td>
              <td className="p-2">{token.lastUsedAt ? when(token.lastUsedAt) : t("never")}</td>
              <td className="p-2">{token.expiresAt ? when(token.expiresAt) : t("noExpiry")}</td>
              <td className={`p-2 ${stateStyle[token.state]}`}>{t(`state_${token.state}`)}</td>
              <td className="p-2">{token.state === "active" && <RevokeApiTokenButton tokenId={token.id} name={token.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
