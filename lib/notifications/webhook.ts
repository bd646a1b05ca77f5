/**
 * The JSON a unit's webhook receives: the text-message format of WeCom (企业微信)
 * and DingTalk (钉钉) group robots, so a robot's URL can be pasted as it is.
 */
export function webhookBody(content: string) {
  return { msgtype: "text", text: { content } } as const;
}

export const webhookTimeoutMs = () => {
  const value = Number(process.env.LUOSHI_WEBHOOK_TIMEOUT_MS ?? 10_000);
  return Number.isFinite(value) && value > 0 ? value : 10_000;
};

/**
 * POSTs one webhook body. Redirects are not followed (a 3xx is a failure), the
 * call gives up after the timeout, and any answer other than 2xx is a failure.
 */
export async function postWebhook(url: string, body: string, timeoutMs = webhookTimeoutMs()): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  // Read (and drop) the answer so the connection is released.
  const text = await response.text().catch(() => "");
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`);
  }
  // DingTalk and WeCom answer 200 with {"errcode": n} when they refuse a message.
  try {
    const answer = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    if (typeof answer.errcode === "number" && answer.errcode !== 0) throw new Error(`errcode ${answer.errcode}: ${String(answer.errmsg ?? "")}`);
  } catch (error) {
    if (error instanceof SyntaxError) return;
    throw error;
  }
}
