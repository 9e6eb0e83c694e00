import { memo, useId } from "react";

import { useScrollable } from "@/components/ui/scroll-region";

import type { ParameterModel } from "@/lib/discovery/model-types";
import type { ParamValue } from "@/lib/request/types";
import { capList, MAX_ENUM_VALUES } from "@/lib/text/render-caps";
import { fieldHint, fieldIssues, fieldKind, valueList, valueText } from "@/lib/workbench/fields";

import { fieldId, type ParamDoc } from "./types";

export interface ParamFieldProps {
  readonly param: ParameterModel;
  readonly value: ParamValue | undefined;
  readonly doc: ParamDoc | undefined;
  /** Show "is required" (only once the user has been in the field or tried to share). */
  readonly showRequired: boolean;
  readonly onText: (param: ParameterModel, text: string) => void;
  readonly onList: (param: ParameterModel, items: readonly string[]) => void;
  readonly onTouched: (name: string) => void;
}

function Badges({ param }: { readonly param: ParameterModel }) {
  return (
    <>
      {param.required ? <span className="badge badge--required">required</span> : null}
      {param.repeated ? <span className="badge badge--repeated">repeated</span> : null}
      {param.deprecated ? <span className="badge badge--deprecated">deprecated</span> : null}
    </>
  );
}

function typeLabel(p: ParameterModel): string {
  return p.format ? `${p.type}, ${p.format}` : p.type;
}

interface ScalarProps {
  readonly param: ParameterModel;
  readonly id: string;
  readonly text: string;
  readonly label?: string;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly onChange: (text: string) => void;
  readonly onBlur: () => void;
  readonly enumLabels: readonly string[] | undefined;
}

/** One input for one value, chosen by the parameter's kind. */
function ScalarInput({
  param,
  id,
  text,
  label,
  describedBy,
  invalid,
  onChange,
  onBlur,
  enumLabels,
}: ScalarProps) {
  const common = {
    id,
    "aria-describedby": describedBy,
    "aria-invalid": invalid || undefined,
    "aria-label": label,
    onBlur,
  };
  const kind = fieldKind(param);
  if (kind === "enum" && param.enum && param.enum.length > MAX_ENUM_VALUES) {
    // Too many values to list (render work must not grow with the document): any value can be typed, the first
    // MAX_ENUM_VALUES are suggested, and validation still checks the whole set.
    const listed = capList(param.enum);
    return (
      <>
        <input
          {...common}
          className="rf-input"
          type="text"
          list={`${id}-values`}
          spellCheck={false}
          autoComplete="off"
          placeholder={`one of ${param.enum.length.toLocaleString("en-US")} values`}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
        <datalist id={`${id}-values`}>
          {listed.items.map((e) => (
            <option key={e.value} value={e.value} />
          ))}
        </datalist>
      </>
    );
  }
  if (kind === "enum" && param.enum) {
    const known = param.enum.some((e) => e.value === text);
    return (
      <select {...common} className="rf-input" value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">(not set)</option>
        {text !== "" && !known ? <option value={text}>{text} (not an allowed value)</option> : null}
        {param.enum.map((e, i) => {
          const desc = enumLabels?.[i];
          return (
            <option key={e.value} value={e.value}>
              {e.value}
              {e.deprecated ? " (deprecated)" : ""}
              {desc ? ` — ${desc}` : ""}
            </option>
          );
        })}
      </select>
    );
  }
  if (kind === "boolean") {
    return (
      <select
        {...common}
        className="rf-input rf-input--short"
        value={text}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">(not set)</option>
        <option value="true">true</option>
        <option value="false">false</option>
        {text !== "" && text !== "true" && text !== "false" ? <option value={text}>{text}</option> : null}
      </select>
    );
  }
  const hint = fieldHint(param);
  if (kind === "integer" || kind === "number") {
    return (
      <input
        {...common}
        className="rf-input rf-input--short"
        type="number"
        inputMode={kind === "integer" ? "numeric" : "decimal"}
        step={kind === "integer" ? 1 : "any"}
        min={param.minimum}
        max={param.maximum}
        placeholder={hint.placeholder}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <input
      {...common}
      className={kind === "int64" ? "rf-input rf-input--mono" : "rf-input"}
      type="text"
      inputMode={kind === "int64" ? "numeric" : undefined}
      spellCheck={false}
      autoComplete="off"
      placeholder={hint.placeholder}
      value={text}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A labelled, validated field for one Discovery parameter (a list of inputs for repeated parameters). */
export const ParamField = memo(function ParamField({
  param,
  value,
  doc,
  showRequired,
  onText,
  onList,
  onTouched,
}: ParamFieldProps) {
  const id = fieldId(param.name);
  const uid = useId();
  const hint = fieldHint(param);
  const issues = fieldIssues(param, value).filter((i) => i.code !== "required" || showRequired);
  const errorId = `${uid}-error`;
  const hintId = `${uid}-hint`;
  const descId = `${uid}-desc`;
  const hasHint = hint.hint !== undefined || param.pattern !== undefined;
  const describedBy =
    [issues.length > 0 ? errorId : "", hasHint ? hintId : "", doc?.description ? descId : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  const invalid = issues.length > 0;
  const touch = () => onTouched(param.name);
  // A long description scrolls in its box: then it is a tab stop too, so the keyboard can scroll it.
  const { ref: descriptionRef, scrollable: descriptionScrolls } = useScrollable<HTMLDivElement>();

  const details = (
    <>
      {hasHint ? (
        <p id={hintId} className="rf-hint">
          {hint.hint}
          {hint.hint !== undefined && param.pattern !== undefined ? " · " : null}
          {param.pattern !== undefined ? (
            <>
              pattern <code>{param.pattern}</code>
            </>
          ) : null}
        </p>
      ) : null}
      <div id={errorId} className="rf-error" aria-live="polite">
        {issues.map((i) => (
          <p key={`${i.code}:${i.message}`}>{i.message}</p>
        ))}
      </div>
      {doc?.description ? (
        <div
          id={descId}
          ref={descriptionRef}
          className="rf-description"
          {...(descriptionScrolls ? { tabIndex: 0 } : {})}
        >
          {doc.description}
        </div>
      ) : null}
    </>
  );

  if (param.repeated) {
    const items = valueList(value);
    const rows = items.length > 0 ? items : [""];
    const setItem = (i: number, text: string) => {
      const next = rows.map((t, j) => (j === i ? text : t));
      onList(param, next.length === 1 && next[0] === "" ? [] : next);
    };
    return (
      <fieldset className="rf-field rf-field--list" data-param={param.name}>
        <legend className="rf-label">
          <code>{param.name}</code>
          <Badges param={param} />
          <span className="rf-type">{typeLabel(param)} · list</span>
        </legend>
        <ol className="rf-list">
          {rows.map((t, i) => (
            <li key={i}>
              <ScalarInput
                param={param}
                id={i === 0 ? id : `${id}-${i}`}
                label={`${param.name} ${i + 1}`}
                text={t}
                describedBy={describedBy}
                invalid={invalid && fieldIssues(param, t === "" ? [] : [t]).length > 0}
                onChange={(text) => setItem(i, text)}
                onBlur={touch}
                enumLabels={doc?.enumLabels}
              />
              {items.length > 0 ? (
                <button
                  type="button"
                  className="rf-icon-button"
                  aria-label={`Remove ${param.name} ${i + 1}`}
                  title="Remove"
                  onClick={() =>
                    onList(
                      param,
                      items.filter((_, j) => j !== i),
                    )
                  }
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="rf-small-button"
          onClick={() => onList(param, [...rows, ""])}
          disabled={rows[rows.length - 1] === ""}
        >
          + Add {param.name}
        </button>
        {details}
      </fieldset>
    );
  }

  return (
    <div className="rf-field" data-param={param.name}>
      <label className="rf-label" htmlFor={id}>
        <code>{param.name}</code>
        <Badges param={param} />
        <span className="rf-type">{typeLabel(param)}</span>
      </label>
      <ScalarInput
        param={param}
        id={id}
        text={valueText(value)}
        describedBy={describedBy}
        invalid={invalid}
        onChange={(text) => onText(param, text)}
        onBlur={touch}
        enumLabels={doc?.enumLabels}
      />
      {details}
    </div>
  );
});
