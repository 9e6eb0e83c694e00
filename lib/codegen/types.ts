/**
 * Code generation contract: one prepared input (./prepare.ts) feeds every target (./targets/<id>/).
 * Targets are pure: (SnippetInput, SnippetOptions) → string. No IO, no Date, no randomness.
 */
import type { ApiModel, MethodModel, ParameterModel } from "../discovery/model-types";
import type { ExplorerRequest, HttpRequestSpec, JsonValue, ParamValue, RequestAuth } from "../request/types";

export const TARGET_IDS = ["typescript", "python", "curl", "http"] as const;
export type TargetId = (typeof TARGET_IDS)[number];

export interface PreparedParam {
  /** Discovery name verbatim. */
  readonly name: string;
  readonly value: ParamValue;
  readonly model: ParameterModel;
}

export interface SnippetInput {
  readonly request: ExplorerRequest;
  readonly api: {
    readonly name: string;
    readonly version: string;
    readonly title: string;
    readonly revision: string | null;
    readonly rootUrl: string;
    readonly baseUrl: string;
    /** True when google-api-python-client 2.201.0 ships this document (else the snippet needs static_discovery=False). */
    readonly pythonStatic: boolean;
    /**
     * True when googleapis 188 has this API version AND this method (`isMethodInGoogleapis`: not a resource
     * `-`, not in `googleapis-missing-methods.generated.ts`). False → the TS snippet uses `google.discoverAPI`.
     */
    readonly inGoogleapis: boolean;
    readonly dataWrapper: boolean;
  };
  readonly method: MethodModel;
  /**
   * Raw keys of the resources nested next to the method (children of its parent resource; the API's top-level
   * resources for a top-level method). google-api-python-client lets such a resource replace a method of the same
   * name. Optional: absent means none.
   */
  readonly siblingResources?: readonly string[];
  /**
   * Discovery names of the API's standard parameters, with or without a value. google-api-python-client merges
   * them into every method's keyword arguments, so they take part in its kwarg collisions. Optional: absent
   * means none.
   */
  readonly standardParameterNames?: readonly string[];
  /** Parameters with values, path parameters first, then in the method's order, then standard parameters. */
  readonly params: readonly PreparedParam[];
  readonly body: JsonValue | null;
  readonly auth: RequestAuth;
  readonly media: ExplorerRequest["media"] | null;
  /** The exact request the explorer sends (with auth placeholders). curl/http read this. */
  readonly http: HttpRequestSpec;
}

export interface SnippetOptions {
  /** Loop over every page (list_next / nextPageToken) for pageable methods. */
  readonly allPages?: boolean;
  /** Cache the OAuth token in token.json between runs. */
  readonly tokenCache?: boolean;
  /** For methods that support media download: save the media to this file instead of printing JSON. */
  readonly downloadTo?: string;
}

/** What a target can do beyond sending the request; the code panel offers only the options that apply. */
export interface TargetCapabilities {
  /** Loops over every page (`allPages`). */
  readonly allPages: boolean;
  /** Caches the OAuth tokens in token.json between runs (`tokenCache`; for the kinds that cache tokens). */
  readonly tokenCache: boolean;
  /** Saves downloaded media to a file (`downloadTo`). */
  readonly download: boolean;
  /** Gets credentials by itself for every auth kind (a client library), rather than reading a ready token. */
  readonly signsIn: boolean;
}

/** One file of a downloaded project (lib/project-download). */
export interface ProjectFile {
  /** Path inside the project folder, `/`-separated. */
  readonly path: string;
  readonly content: string;
  /** Unix mode bits for the zip entry (0o755 for scripts). */
  readonly mode?: number;
}

/** What a target adds to a downloaded project: its file names, manifest and the README's run section. */
export interface TargetProject {
  /** The snippet's file name (`snippet.py`) and, for scripts, its mode. */
  readonly snippetFile: string;
  readonly snippetMode?: number;
  /** Manifest files (package.json, requirements.txt), none for curl/http. */
  manifest(projectName: string, input: SnippetInput): readonly ProjectFile[];
  /** README "Files" entries for the manifests (Markdown, one per file). */
  manifestNotes(input: SnippetInput): readonly string[];
  /** The README's "Run" section (Markdown lines). */
  readonly runSection: readonly string[];
  /** .gitignore lines (a comment, then the patterns) for what the run section installs. */
  readonly ignored: readonly string[];
  /** The same, as names for the README (`.venv`). */
  readonly ignoredNames: readonly string[];
  /** For targets that read a ready access token: the README step that says where it goes (Markdown). */
  readonly accessTokenStep?: string;
}

/**
 * The whole contract of a target (lib/codegen/targets/<id>/): its names, capabilities, generator and project
 * files. Its auth emitters live beside it, keyed by auth kind. See lib/codegen/README.md "How to add a target".
 */
export interface Target {
  readonly id: TargetId;
  readonly label: string;
  /** The code panel's tab label. */
  readonly tabLabel: string;
  /** File extension of the snippet, for downloads and golden fixtures. */
  readonly extension: string;
  /** Monaco language id. */
  readonly language: string;
  readonly capabilities: TargetCapabilities;
  readonly project: TargetProject;
  /**
   * Why this target cannot send a request whose `alt` is `alt` (not json) as the explorer shows it, or null;
   * absent: it sends any `alt` verbatim (curl, http).
   */
  refuseAlt?(input: SnippetInput, alt: string): string | null;
  generate(input: SnippetInput, options?: SnippetOptions): string;
}

export type PrepareInput = {
  readonly api: ApiModel;
  readonly method: MethodModel;
  readonly request: ExplorerRequest;
};
