import type { User } from "../state/model.js";
import { nodeId, type BaseUrls } from "./base-urls.js";

/** GitHub's `simple-user`. */
export function userShape(urls: BaseUrls, user: User) {
  const login = encodeURIComponent(user.login);
  const api = `${urls.api}/users/${login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === "Bot" ? "Bot" : "User", user.id),
    avatar_url: `${urls.web}/avatars/u/${user.id}`,
    gravatar_id: "",
    url: api,
    html_url: user.type === "Bot" ? `${urls.web}/apps/${user.login.replace(/\[bot\]$/, "")}` : `${urls.web}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** GitHub's `public-user` (Get a user). */
export function publicUserShape(urls: BaseUrls, user: User, createdAt: string) {
  return {
    ...userShape(urls, user),
    name: null,
    company: null,
    blog: "",
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: createdAt,
    updated_at: createdAt,
  };
}
