import type { Condition, LeafCondition } from "@/lib/questionnaire/definition-schema";
import type { XlsformIssueCode } from "./issues";

/**
 * The XLSForm expression subset, compiled into the engine's own conditions (never evaluated as
 * XPath): `${q} = 'v'`, `!=`, `> >= < <=` on numbers, `selected(${q}, 'v')`, `not(…)`, `and`,
 * `or`, parentheses, `.` (the value being checked, in a constraint) and, in a choice_filter,
 * bare names of columns of the choices sheet. Anything else is refused with a message key.
 */
export class ExpressionError extends Error {
  constructor(readonly code: XlsformIssueCode, readonly params: Record<string, string | number> = {}) {
    super(code);
    this.name = "ExpressionError";
  }
}

// ---- Tokens and syntax tree -------------------------------------------------------------

type Token =
  | { t: "ref"; name: string } | { t: "dot" } | { t: "str"; v: string } | { t: "num"; v: number }
  | { t: "ident"; name: string } | { t: "op"; v: CmpOp } | { t: "(" } | { t: ")" } | { t: "," };
type CmpOp = "=" | "!=" | ">" | ">=" | "<" | "<=";

export type Operand = { k: "ref"; name: string } | { k: "dot" } | { k: "str"; v: string } | { k: "num"; v: number } | { k: "ident"; name: string };
export type ExprNode =
  | { k: "and" | "or"; items: ExprNode[] }
  | { k: "not"; item: ExprNode }
  | { k: "cmp"; op: CmpOp; left: Operand; right: Operand }
  | { k: "selected"; target: Operand; value: Operand };

const MAX_LENGTH = 2000;

function tokenize(source: string): Token[] {
  // Spreadsheets often turn quotes into typographic ones.
  const text = source.replace(/[‘’‚′]/g, "'").replace(/[“”„″]/g, '"');
  const tokens: Token[] = [];
  let i = 0;
  const syntax = () => new ExpressionError("expr_syntax", { near: text.slice(i, i + 12) });
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "$") {
      const m = /^\$\{([^}\s]*)\}/.exec(text.slice(i));
      if (!m) throw syntax();
      tokens.push({ t: "ref", name: m[1] });
      i += m[0].length;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw syntax();
      tokens.push({ t: "str", v: text.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === "-" && /[0-9]/.test(text[i + 1] ?? "")) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const m = /^-?(\d+(\.\d+)?|\.\d+)/.exec(text.slice(i))!;
      tokens.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
    } else if (c === ".") {
      tokens.push({ t: "dot" });
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      tokens.push({ t: c });
      i++;
    } else if (c === "!" || c === "<" || c === ">" || c === "=") {
      const two = text.slice(i, i + 2);
      if (two === "!=" || two === ">=" || two === "<=") { tokens.push({ t: "op", v: two }); i += 2; }
      else if (c === "!") throw syntax();
      else { tokens.push({ t: "op", v: c as CmpOp }); i++; }
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_:.-]*/.exec(text.slice(i))!;
      tokens.push({ t: "ident", name: m[0] });
      i += m[0].length;
    } else throw syntax();
  }
  return tokens;
}

/** Parses an expression into a syntax tree (throws ExpressionError). */
export function parseExpression(source: string): ExprNode {
  if (source.length > MAX_LENGTH) throw new ExpressionError("expr_syntax", { near: source.slice(0, 12) });
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const describe = (tok: Token | undefined) =>
    !tok ? "" : tok.t === "ref" ? `\${${tok.name}}` : tok.t === "str" ? `'${tok.v}'` : tok.t === "num" ? String(tok.v)
      : tok.t === "ident" ? tok.name : tok.t === "op" ? tok.v : tok.t === "dot" ? "." : tok.t;
  const fail = (): never => { throw new ExpressionError("expr_syntax", { near: describe(peek()) }); };
  const expect = (t: Token["t"]) => { if (peek()?.t !== t) fail(); pos++; };
  const isWord = (w: string) => { const tok = peek(); return tok?.t === "ident" && tok.name === w; };

  function orExpr(): ExprNode {
    const items = [andExpr()];
    while (isWord("or")) { pos++; items.push(andExpr()); }
    return items.length === 1 ? items[0] : { k: "or", items };
  }
  function andExpr(): ExprNode {
    const items = [unary()];
    while (isWord("and")) { pos++; items.push(unary()); }
    return items.length === 1 ? items[0] : { k: "and", items };
  }
  function operand(): Operand {
    const tok = peek();
    if (!tok) return fail();
    pos++;
    switch (tok.t) {
      case "ref": return { k: "ref", name: tok.name };
      case "dot": return { k: "dot" };
      case "str": return { k: "str", v: tok.v };
      case "num": return { k: "num", v: tok.v };
      case "ident":
        if (peek()?.t === "(") throw new ExpressionError("expr_function", { name: tok.name });
        if (tok.name === "and" || tok.name === "or") { pos--; return fail(); }
        return { k: "ident", name: tok.name };
      default:
        pos--;
        return fail();
    }
  }
  function unary(): ExprNode {
    const tok = peek();
    if (tok?.t === "(") {
      pos++;
      const inner = orExpr();
      expect(")");
      return inner;
    }
    if (tok?.t === "ident" && tokens[pos + 1]?.t === "(") {
      if (tok.name === "not") {
        pos += 2;
        const inner = orExpr();
        expect(")");
        return { k: "not", item: inner };
      }
      if (tok.name === "selected") {
        pos += 2;
        const target = operand();
        expect(",");
        const value = operand();
        expect(")");
        return { k: "selected", target, value };
      }
      throw new ExpressionError("expr_function", { name: tok.name });
    }
    const left = operand();
    const op = peek();
    if (op?.t !== "op") return fail();
    pos++;
    return { k: "cmp", op: op.v, left, right: operand() };
  }

  const tree = orExpr();
  if (pos < tokens.length) fail();
  return tree;
}

// ---- Compilation ------------------------------------------------------------------------

/** What the compiler knows of a question an expression may read. */
export type RefInfo = {
  id: string;
  kind: "single" | "multiple" | "number" | "decimal" | "text" | "date" | "open_choice" | "composite";
  /** The values a choice question accepts (checked against the expression's literals). */
  values?: string[];
};

export type ExprContext = {
  /**
   * A question asked before (info), named but not yet asked ("later"), refused itself ("broken":
   * its own fault is reported, not this one), or unknown (undefined).
   */
  lookup: (name: string) => RefInfo | "later" | "broken" | undefined;
  /** The question being checked: `.` in a constraint. */
  self?: RefInfo;
  /** In a relevant: the question's own name (reading it is a fault). */
  own?: string;
  /** In a choice_filter: a bare name is a column of the choices sheet, read on the current choice. */
  column?: (name: string) => string | undefined;
};

type Literal = { kind: "str"; v: string } | { kind: "num"; v: number };
const FLIP: Record<CmpOp, CmpOp> = { "=": "=", "!=": "!=", ">": "<", ">=": "<=", "<": ">", "<=": ">=" };
const OPS = { "=": "eq", "!=": "neq", ">": "gt", ">=": "gte", "<": "lt", "<=": "lte" } as const;

function target(o: Operand, ctx: ExprContext): RefInfo | null {
  if (o.k === "dot") {
    if (!ctx.self) throw new ExpressionError("expr_dot");
    return ctx.self;
  }
  if (o.k !== "ref") return null;
  if (ctx.own && o.name === ctx.own) throw new ExpressionError("expr_self_ref", { name: o.name });
  if (ctx.self && o.name === ctx.self.id) return ctx.self;
  const info = ctx.lookup(o.name);
  if (info === undefined) throw new ExpressionError("expr_unknown_ref", { name: o.name });
  if (info === "later") throw new ExpressionError("expr_later_ref", { name: o.name });
  if (info === "broken") throw new ExpressionError("expr_unknown_ref", { name: o.name, broken: 1 });
  if (info.kind === "composite") throw new ExpressionError("expr_composite_ref", { name: o.name });
  return info;
}

function literal(o: Operand, ctx: ExprContext): Literal | null {
  if (o.k === "str") return { kind: "str", v: o.v };
  if (o.k === "num") return { kind: "num", v: o.v };
  if (o.k === "ident") {
    const v = ctx.column?.(o.name);
    if (v === undefined) throw new ExpressionError(ctx.column ? "expr_column" : "expr_syntax", { name: o.name, near: o.name });
    if (v === "") throw new ExpressionError("expr_filter_empty", { name: o.name });
    return { kind: "str", v };
  }
  return null;
}

function checkValue(info: RefInfo, value: string) {
  if (info.values && !info.values.includes(value)) {
    throw new ExpressionError("expr_value", { value, name: info.id });
  }
}

function compileCmp(node: Extract<ExprNode, { k: "cmp" }>, ctx: ExprContext): Condition {
  let op = node.op;
  let info = target(node.left, ctx);
  let lit = literal(node.right, ctx);
  if (!info) {
    info = target(node.right, ctx);
    lit = literal(node.left, ctx);
    op = FLIP[op];
  }
  if (!info || !lit) throw new ExpressionError("expr_type", { op: node.op });
  const q = info.id;
  if ((op === "=" || op === "!=") && lit.kind === "str" && lit.v === "") {
    const answered: LeafCondition = { q, op: "answered" };
    return op === "!=" ? answered : { not: answered };
  }
  const numeric = info.kind === "number" || info.kind === "decimal";
  if (numeric) {
    const v = lit.kind === "num" ? lit.v : /^-?\d+(\.\d+)?$/.test(lit.v) ? Number(lit.v) : NaN;
    if (Number.isNaN(v)) throw new ExpressionError("expr_type", { op: node.op });
    return { q, op: OPS[op], value: v };
  }
  if (op !== "=" && op !== "!=") throw new ExpressionError("expr_type", { op: node.op });
  if (info.kind === "multiple") throw new ExpressionError("expr_type", { op: node.op });
  const v = lit.kind === "num" ? String(lit.v) : lit.v;
  checkValue(info, v);
  return { q, op: OPS[op], value: v };
}

function compileSelected(node: Extract<ExprNode, { k: "selected" }>, ctx: ExprContext): Condition {
  const info = target(node.target, ctx);
  const lit = literal(node.value, ctx);
  if (!info || !lit) throw new ExpressionError("expr_type", { op: "selected" });
  const v = lit.kind === "num" ? String(lit.v) : lit.v;
  if (info.kind === "multiple") {
    checkValue(info, v);
    return { q: info.id, op: "includes", value: v };
  }
  if (info.kind === "single" || info.kind === "open_choice") {
    checkValue(info, v);
    return { q: info.id, op: "eq", value: v };
  }
  throw new ExpressionError("expr_type", { op: "selected" });
}

export function compileNode(node: ExprNode, ctx: ExprContext): Condition {
  switch (node.k) {
    case "and":
    case "or": {
      const key = node.k === "and" ? "all" : "any";
      const items = node.items.flatMap((n) => {
        const c = compileNode(n, ctx);
        return key in c ? (c as Record<string, Condition[]>)[key] : [c];
      });
      return (key === "all" ? { all: items } : { any: items }) as Condition;
    }
    case "not":
      return { not: compileNode(node.item, ctx) };
    case "cmp":
      return compileCmp(node, ctx);
    case "selected":
      return compileSelected(node, ctx);
  }
}

/** Parses and compiles one expression. */
export function compileExpression(source: string, ctx: ExprContext): Condition {
  return compileNode(parseExpression(source), ctx);
}
