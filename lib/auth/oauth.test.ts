import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchGitHubProfile, githubPrimaryVerifiedEmail, verifiedEmailOf } from "./oauth";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("verifiedEmailOf", () => {
  it("trusts Google's email only with email_verified", () => {
    expect(verifiedEmailOf("google", { email: "Ana@Gmail.com", email_verified: true })).toBe(
      "ana@gmail.com",
    );
    expect(verifiedEmailOf("google", { email: "ana@gmail.com", email_verified: "true" })).toBe(
      "ana@gmail.com",
    );
    expect(verifiedEmailOf("google", { email: "ana@gmail.com", email_verified: false })).toBeNull();
    expect(verifiedEmailOf("google", { email: "ana@gmail.com" })).toBeNull();
  });

  it("trusts GitHub's email only when it is the verified primary address", () => {
    expect(verifiedEmailOf("github", { email: "ana@agency.com", email_verified: true })).toBe(
      "ana@agency.com",
    );
    expect(verifiedEmailOf("github", { email: "ana@agency.com" })).toBeNull();
    expect(verifiedEmailOf("github", { email: null, email_verified: true })).toBeNull();
  });

  it("trusts no other provider and no profile", () => {
    expect(verifiedEmailOf("gitlab", { email: "a@b.co", email_verified: true })).toBeNull();
    expect(verifiedEmailOf("google", undefined)).toBeNull();
  });
});

describe("GitHub emails", () => {
  it("picks the primary address only if it is verified", () => {
    expect(
      githubPrimaryVerifiedEmail([
        { email: "old@x.com", primary: false, verified: true },
        { email: "main@x.com", primary: true, verified: true },
      ]),
    ).toBe("main@x.com");
    expect(
      githubPrimaryVerifiedEmail([
        { email: "verified@x.com", primary: false, verified: true },
        { email: "main@x.com", primary: true, verified: false },
      ]),
    ).toBeNull();
    expect(githubPrimaryVerifiedEmail({ message: "Bad credentials" })).toBeNull();
  });

  it("completes the profile from /user/emails, replacing an unverified public email", async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(
          JSON.stringify([
            { email: "victim@agency.com", primary: false, verified: false },
            { email: "me@agency.com", primary: true, verified: true },
          ]),
        ),
    );
    vi.stubGlobal("fetch", fetchMock);
    const profile = await fetchGitHubProfile({
      client: { userinfo: async () => ({ id: 7, login: "me", email: "victim@agency.com" }) },
      tokens: { access_token: "gho_x" },
    });
    expect(profile).toMatchObject({ id: 7, email: "me@agency.com", email_verified: true });
    expect(fetchMock).toHaveBeenCalledWith(
      "https://api.github.com/user/emails",
      expect.objectContaining({
        headers: expect.objectContaining({ Authorization: "Bearer gho_x" }),
      }),
    );
    vi.stubGlobal("fetch", async () => new Response("{}", { status: 403 }));
    expect(
      await fetchGitHubProfile({
        client: { userinfo: async () => ({ id: 7, email: "victim@agency.com" }) },
        tokens: { access_token: "gho_x" },
      }),
    ).toMatchObject({ email: null, email_verified: false });
  });
});
