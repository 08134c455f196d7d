// What a record form offers to choose from, read on the server: organisations, communes, and the
// first enterprises (the picker searches the others).
import { graphql } from "../graphql";
import { type ApiResult, serverQuery } from "../server-api";
import { type Choice, enterpriseChoice } from "./enterprise-label";

export interface Choices {
  partners: Choice[];
  communes: Choice[];
  enterprises: Choice[];
}

const CHOICES = graphql(`
  query Choices {
    partners(first: 100, orderBy: [{ name: Asc }]) { edges { node { databaseId shortName } } }
    communes(first: 100, orderBy: [{ name: Asc }]) { edges { node { code name } } }
    enterprises(first: 100, orderBy: [{ name: Asc }]) { edges { node { databaseId name siret status commune { name } } } }
  }
`);

export async function loadChoices(): Promise<ApiResult<Choices>> {
  const result = await serverQuery(CHOICES, {});
  if (!result.ok) return result;
  const { partners, communes, enterprises } = result.data;
  return {
    ok: true,
    data: {
      partners: partners.edges.map(({ node }) => ({ value: node.databaseId, label: node.shortName })),
      communes: communes.edges.map(({ node }) => ({ value: node.code, label: node.name })),
      enterprises: enterprises.edges.map(({ node }) => enterpriseChoice(node)),
    },
  };
}
