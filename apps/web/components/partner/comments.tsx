"use client";
// Comments on a record or on a dashboard view, for signed-in users; admins can hide one.
import { formatDateTime } from "@oess/domain/format";
import { gql } from "@urql/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { mutate, query } from "../../lib/partner-api";
import { Message } from "./message";

interface Comment {
  databaseId: string;
  authorName: string;
  body: string | null;
  createdAt: string;
  hidden: boolean;
}

const LIST = gql`
  query Comments($recordId: ID, $viewPath: String) {
    comments(recordId: $recordId, viewPath: $viewPath) {
      databaseId
      authorName
      body
      createdAt
      hidden
    }
  }
`;
const ADD = gql`
  mutation AddComment($recordId: ID, $viewPath: String, $body: String!) {
    addComment(recordId: $recordId, viewPath: $viewPath, body: $body) {
      databaseId
    }
  }
`;
const HIDE = gql`
  mutation HideComment($id: String!) {
    hideComment(id: $id) {
      hidden
    }
  }
`;

export function Comments({
  target,
  isAdmin,
  heading = "Commentaires",
}: {
  target: { recordId: string } | { viewPath: string };
  isAdmin: boolean;
  heading?: string;
}) {
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The target's identity, not the object's: a parent re-rendering must not reload the list.
  const key = JSON.stringify(target);
  const load = useCallback(async () => {
    const result = await query<{ comments: Comment[] }>(LIST, JSON.parse(key));
    setComments(result.data?.comments ?? []);
  }, [key]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await mutate(ADD, { ...target, body: new FormData(form).get("body") });
    setError(result.error);
    if (!result.error) {
      form.reset();
      await load();
    }
  };
  const hide = async (id: string) => {
    const result = await mutate(HIDE, { id });
    setError(result.error);
    await load();
  };

  return (
    <section className="panel comments" aria-labelledby="commentaires-titre">
      <h2 id="commentaires-titre">{heading}</h2>
      {comments === null ? <p role="status">Chargement…</p> : comments.length === 0 ? <p>Aucun commentaire pour l'instant.</p> : null}
      <ol className="comment-list">
        {comments?.map((c) => (
          <li key={c.databaseId}>
            <p className="comment-meta">
              <strong>{c.authorName}</strong>, le {formatDateTime(c.createdAt)}
              {c.hidden ? " — masqué par la coordination" : ""}
            </p>
            {c.body !== null ? <p className={c.hidden ? "comment-hidden" : undefined}>{c.body}</p> : null}
            {isAdmin && !c.hidden ? (
              <button type="button" className="secondary" onClick={() => void hide(c.databaseId)}>
                Masquer
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <form onSubmit={add} className="form">
        <Message text={error} error />
        <label>
          Votre commentaire
          <textarea name="body" rows={3} maxLength={4000} required />
        </label>
        <button type="submit">Publier le commentaire</button>
      </form>
    </section>
  );
}
