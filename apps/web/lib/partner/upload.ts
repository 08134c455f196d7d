"use client";
// Files go to the API as GraphQL multipart requests (urql builds them from a File variable),
// through the dashboard's same-origin /graphql; fetch cannot report an upload's progress, so
// this client's fetch is an XMLHttpRequest.
import { Client, fetchExchange } from "@urql/core";

function progressFetch(onProgress: (share: number) => void): typeof fetch {
  return (input, init) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init?.method ?? "POST", String(input));
      new Headers(init?.headers).forEach((value, name) => {
        // The browser sets the multipart boundary itself.
        if (name !== "content-type" || typeof init?.body === "string") xhr.setRequestHeader(name, value);
      });
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onload = () =>
        resolve(
          new Response(xhr.responseText, { status: xhr.status, headers: { "content-type": xhr.getResponseHeader("content-type") ?? "application/json" } }),
        );
      xhr.onerror = () => reject(new TypeError("Le fichier n'a pas pu être envoyé : vérifiez votre connexion."));
      init?.signal?.addEventListener("abort", () => xhr.abort());
      const body = init?.body ?? null;
      if (body instanceof ReadableStream) reject(new TypeError("A stream cannot be uploaded with its progress."));
      else xhr.send(body);
    });
}

export const uploadClient = (onProgress: (share: number) => void) =>
  new Client({
    url: "/graphql",
    exchanges: [fetchExchange],
    requestPolicy: "network-only",
    fetchOptions: { headers: { "x-graphql-yoga-csrf": "1" }, credentials: "same-origin" },
    fetch: progressFetch(onProgress),
  });
