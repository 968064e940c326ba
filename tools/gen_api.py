#!/usr/bin/env python3
"""tools/gen_api.py - generates the Bot API part of telepot.h from tools/botapi.json.

    python3 tools/gen_api.py            rewrites the GENERATED regions of telepot.h
                                        (declarations, wrappers, tables), and
                                        tools/tpemu_schema.h, tests/gen_cases.h
    python3 tools/gen_api.py --check    exits 1 when any of them differs from the output

A new Bot API version: copy its botapi.json over tools/botapi.json and run `make gen`.
The generator emits DATA (field descriptor tables) and tiny wrappers; one generic parser and
one generic writer in the header interpret the tables. In the public half, "declarations" holds
what a user reads (structs, ids, results, args structs, wrapper prototypes) and "wrappers", at
the end of that half, the wrappers' bodies with their tables. Python 3 standard library only.
"""
import json
import os
import re
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(ROOT, "tools", "botapi.json")
HEADER = os.path.join(ROOT, "telepot.h")
EMU_SCHEMA = os.path.join(ROOT, "tools", "tpemu_schema.h")
CASES = os.path.join(ROOT, "tests", "gen_cases.h")

KEYWORDS = set("""auto break case char const continue default do double else enum extern float for
goto if inline int long register restrict return short signed sizeof static struct switch typedef
union unsigned void volatile while bool true false alignas alignof and and_eq asm bitand bitor
catch class compl concept const_cast constexpr decltype delete dynamic_cast explicit export
friend mutable namespace new noexcept not not_eq nullptr operator or or_eq private protected
public reinterpret_cast requires static_assert static_cast template this thread_local throw try
typeid typename using virtual wchar_t xor xor_eq from""".split())

# Declared by hand in >>types (forward typedefs the hand-written API needs early).
HAND_DECLARED = {"Update", "Message", "User", "Chat"}
# Field type lists that are not a declared union: the union they become.
SYNTH_UNIONS = {
    ("InlineKeyboardMarkup", "ReplyKeyboardMarkup", "ReplyKeyboardRemove", "ForceReply"): "ReplyMarkup",
}
SYNTH_DISCRIM = {"InlineKeyboardMarkup": "inline_keyboard", "ReplyKeyboardMarkup": "keyboard",
                 "ReplyKeyboardRemove": "remove_keyboard", "ForceReply": "force_reply"}
# Required Booleans that are always true (the Bot API's prose says "True"; botapi.json says
# Boolean): the discriminators of ReplyKeyboardRemove and ForceReply. The writer writes them
# as true whatever the struct holds, so a zeroed struct is already a valid markup.
ALWAYS_TRUE = {"tp_reply_keyboard_remove": "remove_keyboard", "tp_force_reply": "force_reply"}

# Method parameters that get a presence flag `bool has_x` (set it to send x as 0/false).
# Everywhere else an optional Integer/Float/Boolean parameter is absent when 0/false: what
# Telegram assumes when it is absent, so "not sent" and "sent as 0/false" mean the same. These
# are the exceptions, where the absent default is something else, so 0/false must be sendable.
# botapi.json carries no defaults: they come from the Bot API's prose and its server
# (tdlib/telegram-bot-api, Client.cpp: has_arg checks and non-zero defaults of get_integer_arg).
# A new Bot API version: look for "Defaults to"/"defaults to True" on optional parameters.
# (Typed objects need no table: every optional scalar of a type has its has_ flag.)
ABSENT_IS_NOT_ZERO = {
    ("answerInlineQuery", "cache_time"): "absent: 300 s",
    ("sendPoll", "is_anonymous"): "absent: true",
    ("sendPoll", "allows_revoting"): "absent: true unless a quiz",
    ("promoteChatMember", "can_restrict_members"): "absent: true when promoting in a channel",
    ("forwardMessage", "video_start_timestamp"): "absent: keep the original's",
    ("copyMessage", "video_start_timestamp"): "absent: keep the original's",
}

# Kinds, shared with the C engine (TP__K_*).
K_INT, K_FLOAT, K_BOOL, K_STR, K_CHATID, K_FILE, K_OBJ, K_ARR = 1, 2, 3, 4, 5, 6, 7, 8
# Union member tests (TP__U_*).
U_CONST, U_HAS, U_INT0, U_ALWAYS, U_STRING, U_ARRAY = 1, 2, 3, 4, 5, 6
# Long polls: the args field whose seconds Telegram may hold the request (the HTTP deadline
# grows by it).
LONG_POLLS = {"getUpdates": "timeout"}
# Result kinds (TP__R_*).
R_BOOL, R_INT, R_STR, R_OBJ, R_ARR, R_OBJ_OR_TRUE = 1, 2, 3, 4, 5, 6


def snake(name):
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    return s.lower()


def id_enum(prefix, names):
    """The lines of an enum numbering names from 0 (TP_TYPE_*, TP_METHOD_*), with a _COUNT."""
    lines = ["enum {"]
    lines += ["    %s%s = %d," % (prefix, snake(n).upper(), i) for i, n in enumerate(names)]
    lines += ["    %sCOUNT = %d" % (prefix, len(names)), "};"]
    return lines


def fhash(name):
    """The field-name hash of the C engine (tp__fhash)."""
    b = name.encode()
    n = len(b)
    return (n * 7 + b[0] * 31 + b[-1] * 131 + (b[n // 2] * 17 if n > 2 else 0)) & 0xFFFFFFFF


def cname(field):
    return field + "_" if field in KEYWORDS else field


def ctype_name(t):
    return "tp_" + snake(t)


def flag_name(fn):
    """The presence flag of field fn: has_x, or has_x_set for a field already named has_x
    (User.has_main_web_app: has_main_web_app_set), which reads better than has_has_x."""
    return fn + "_set" if fn.startswith("has_") else "has_" + fn


def anchor(name):
    """The one-line comment naming a Bot API type or method and its place in the docs."""
    return "/* %s: core.telegram.org/bots/api#%s */" % (name, name.lower())


def wrap_call(head, tail, width=100):
    """head + "(" + params + ")" + tail on one line, or folded after commas with the
    continuation lines aligned under the first parameter (as the hand-written prototypes)."""
    name, params = head.split("(", 1)
    params = params[:-1].split(", ")
    line = "%s(%s)%s" % (name, ", ".join(params), tail)
    if len(line) <= width:
        return [line]
    indent = " " * (len(name) + 1)
    if len(indent) > 60:
        indent = " " * 8
    lines, cur = [], name + "("
    for i, p in enumerate(params):
        piece = p + (", " if i + 1 < len(params) else ")" + tail)
        if len(cur) + len(piece.rstrip()) > width and cur.strip() and not cur.endswith("("):
            lines.append(cur.rstrip())
            cur = indent
        cur += piece
    lines.append(cur)
    return lines


class Gen:
    def __init__(self, spec):
        self.spec = spec
        self.types = spec["types"]
        self.methods = spec["methods"]
        self.unions = {n: t["subtypes"] for n, t in self.types.items() if "subtypes" in t}
        for members, name in SYNTH_UNIONS.items():
            self.unions[name] = list(members)
        # type table order: spec types, synthetic unions, then one args pseudo-type per method
        self.tnames = [n for n in self.types] + [n for n in SYNTH_UNIONS.values()]
        self.tindex = {n: i for i, n in enumerate(self.tnames)}
        for (mn, fname) in ABSENT_IS_NOT_ZERO:
            f = [f for f in self.methods.get(mn, {}).get("fields", []) if f["name"] == fname]
            if not f or f[0]["required"] or f[0]["types"] not in (["Integer"], ["Float"], ["Boolean"]):
                raise SystemExit("gen_api.py: ABSENT_IS_NOT_ZERO: %s.%s is no optional scalar" % (mn, fname))
        self.pool = ["\0"]
        self.pool_index = {"": 0}
        self.pool_len = 1

    def s(self, text):
        """Offset of text in the string pool."""
        if text not in self.pool_index:
            self.pool_index[text] = self.pool_len
            self.pool.append(text + "\0")
            self.pool_len += len(text.encode()) + 1
        return self.pool_index[text]

    # --- field classification ------------------------------------------------------------------
    def classify(self, f):
        """(kind, depth, base) for a spec field: base is the type name for OBJ elements."""
        types = f["types"]
        depth = 0
        if len(types) > 1:
            st = set(types)
            if st == {"Integer", "String"}:
                return K_CHATID, 0, None
            if st == {"InputFile", "String"}:
                return K_FILE, 0, None
            if all(t.startswith("Array of ") for t in types):
                depth = 1
                inner = tuple(t[len("Array of "):] for t in types)
            else:
                inner = tuple(types)
            base = self.union_for(inner)
            if depth:
                return K_ARR, depth, (base, K_OBJ)
            return K_OBJ, 0, base
        t = types[0]
        while t.startswith("Array of "):
            depth += 1
            t = t[len("Array of "):]
        if t == "String" and f.get("attach"):
            k, base = K_FILE, None
        elif t in ("Integer",):
            k, base = K_INT, None
        elif t == "Float":
            k, base = K_FLOAT, None
        elif t in ("Boolean", "True"):
            k, base = K_BOOL, None
        elif t == "String":
            k, base = K_STR, None
        elif t == "InputFile":
            k, base = K_FILE, None
        else:
            k, base = K_OBJ, t
        if depth:
            return K_ARR, depth, (base, k)
        return k, 0, base

    def union_for(self, members):
        if members in SYNTH_UNIONS:
            return SYNTH_UNIONS[members]
        best = None
        for u, subs in self.unions.items():
            if set(members) <= set(subs) and (best is None or len(subs) < len(self.unions[best])):
                best = u
        if best is None:
            raise SystemExit("gen_api.py: no union holds %s; add it to SYNTH_UNIONS" % (members,))
        return best

    def elem_ctype(self, k, base):
        return {K_INT: "int64_t", K_FLOAT: "double", K_BOOL: "bool", K_STR: "const char *",
                K_CHATID: "tp_chat_id", K_FILE: "tp_input_file"}.get(k) or ctype_name(base)

    def list_name(self, base, k):
        return self.elem_ctype(k, base).replace("const char *", "tp_str").replace("int64_t", "tp_int") + "_list" \
            if k != K_OBJ else ctype_name(base) + "_list"

    # --- discriminators --------------------------------------------------------------------------
    def discriminators(self, uname):
        """[(member_type_or_None, mode, key, value, key2)] in the order they are tried."""
        subs = self.unions[uname]
        out, last = [], []
        real = [s for s in subs if s in self.types]
        fields = {s: self.types[s].get("fields", []) for s in real}
        consts = {}
        for s in real:
            c = [f for f in fields[s] if "const" in f]
            if c:
                consts[s] = c[0]
        for s in subs:
            if s == "String":
                out.append((None, U_STRING, "", "", ""))
                continue
            if s.startswith("Array of "):
                out.append((None, U_ARRAY, "", "", ""))
                continue
            if uname in SYNTH_UNIONS.values():
                out.append((s, U_HAS, SYNTH_DISCRIM[s], "", ""))
                continue
            c = consts.get(s)
            if c is not None and isinstance(c["const"], int):
                out.insert(0, (s, U_INT0, c["name"], "", ""))
                continue
            if c is not None:
                same = [o for o in real if o != s and consts.get(o) and consts[o]["name"] == c["name"]
                        and consts[o]["const"] == c["const"]]
                key2 = ""
                if same:
                    others = set(f["name"] for o in same for f in fields[o])
                    uniq = [f["name"] for f in fields[s] if f["required"] and f["name"] not in others]
                    if not uniq:
                        raise SystemExit("gen_api.py: cannot tell %s apart in %s" % (s, uname))
                    key2 = uniq[0]
                out.append((s, U_CONST, c["name"], str(c["const"]), key2))
                continue
            others = set(f["name"] for o in real if o != s for f in fields[o])
            uniq = [f["name"] for f in fields[s] if f["required"] and f["name"] not in others]
            if uniq:
                out.append((s, U_HAS, uniq[0], "", ""))
            elif fields[s] and any(f["required"] for f in fields[s]):
                last.append((s, U_HAS, [f["name"] for f in fields[s] if f["required"]][0], "", ""))
            else:
                last.append((s, U_ALWAYS, "", "", ""))
        return out + last

    def tag_name(self, uname, member):
        if member == "String":
            suffix = "string"
        elif member.startswith("Array of "):
            suffix = "array"
        elif member.startswith(uname) and member != uname:
            suffix = snake(member[len(uname):])
        else:
            suffix = snake(member)
        return suffix

    # --- public declarations -----------------------------------------------------------------
    def fields_of(self, name):
        return self.types[name].get("fields", [])

    def struct_decl(self, name, out):
        """The struct of a type, typedef'd where it is defined. A field pointing at an object says
        `const struct tp_x *`, so no type needs a forward typedef before the first struct."""
        cn = ctype_name(name)
        lines = [("struct %s {" if name in HAND_DECLARED else "typedef struct %s {") % cn,
                 "    const tp_json *json;  /* this object in its document: every field, known or not */"]
        has = []
        for f in self.fields_of(name):
            k, depth, base = self.classify(f)
            fn = cname(f["name"])
            opt = "" if f["required"] else "  /* optional */"
            if k == K_ARR:
                ebase, ek = base
                et = self.elem_ctype(ek, ebase) if depth == 1 else self.list_name(ebase, ek)
                if depth == 1 and ek == K_OBJ:
                    et = "struct " + et
                star = "const %s *" % et if not et.endswith("*") else "%s const *" % et
                lines.append("    %s%s;%s" % (star, fn, opt))
                lines.append("    size_t %s_count;" % fn)
            elif k == K_OBJ:
                lines.append("    const struct %s *%s;%s" % (ctype_name(base), fn, opt))
            else:
                et = self.elem_ctype(k, base)
                sep = "" if et.endswith("*") else " "
                lines.append("    %s%s%s;%s" % (et, sep, fn, opt))
                if not f["required"] and k in (K_INT, K_FLOAT, K_BOOL):
                    has.append(fn)
        for h in has:
            lines.append("    bool %s;" % flag_name(h))
        self.check_unique(name, self.fields_of(name), has)
        lines.append("};" if name in HAND_DECLARED else "} %s;" % cn)
        out.extend(lines)

    def check_unique(self, where, flist, flagged):
        """No presence flag (nor x_count) may share a name with another member of its struct."""
        names = [cname(f["name"]) for f in flist] + [flag_name(h) for h in flagged]
        names += [cname(f["name"]) + "_count" for f in flist if self.classify(f)[0] == K_ARR]
        dup = set(x for x in names if names.count(x) > 1)
        if dup:
            raise SystemExit("gen_api.py: %s: names collide: %s" % (where, ", ".join(sorted(dup))))

    def union_decl(self, uname, out):
        cn = ctype_name(uname)
        up = snake(uname).upper()
        out.append("enum {")
        for i, d in enumerate(self.discriminators_declared_order(uname)):
            out.append("    TP_%s_%s = %d," % (up, self.tag_name(uname, d).upper(), i + 1))
        out.append("};")
        out.append("typedef struct %s {" % cn)
        out.append("    const tp_json *json;  /* the object (or string/array) in its document */")
        out.append("    int kind;             /* TP_%s_*; 0: a kind this library does not know */" % up)
        out.append("    union {")
        out.append("        const void *any;")
        for m in self.unions[uname]:
            if m == "String":
                out.append("        const char *string;")
            elif m.startswith("Array of "):
                continue
            else:
                out.append("        const struct %s *%s;" % (ctype_name(m), cname(self.tag_name(uname, m))))
        out.append("    } as;")
        out.append("} %s;" % cn)

    def discriminators_declared_order(self, uname):
        return list(self.unions[uname])

    def method_result(self, m):
        r = m["returns"]
        if r == ["Boolean"] or r == ["True"]:
            return R_BOOL, None, "tp_bool_result"
        if set(r) == {"Message", "Boolean"}:
            return R_OBJ_OR_TRUE, "Message", "tp_message_result"
        if len(r) != 1:
            raise SystemExit("gen_api.py: result %s of %s" % (r, m["name"]))
        r = r[0]
        if r == "Integer":
            return R_INT, None, "tp_int_result"
        if r == "String":
            return R_STR, None, "tp_string_result"
        if r.startswith("Array of "):
            b = r[len("Array of "):]
            return R_ARR, b, ctype_name(b) + "_list_result"
        return R_OBJ, r, ctype_name(r) + "_result"

    def decls(self):
        out = []
        w = out.append
        w("/* %s (%s): %d types, %d methods. Conventions of this region:" % (
            self.spec["version"], self.spec["release_date"], len(self.types), len(self.methods)))
        w("   - in order: one struct per type, TP_TYPE_* ids, result structs, per method its args")
        w("     struct and its wrapper's prototype, TP_METHOD_* ids and tp_call_typed; the wrappers'")
        w("     bodies are in the GENERATED wrappers region at the end of this half (see >>gen);")
        w("   - each struct and each method has a comment with its Bot API name and link, so")
        w("     `grep ChatMemberOwner telepot.h` finds it;")
        w("   - type Message is struct tp_message, field `from` is `from_` (C/C++ keywords get '_');")
        w("     a field pointing at an object is `const struct tp_x *` (the same as `const tp_x *`);")
        w("   - Integer is int64_t, Float double, Boolean bool, String const char * (borrowed from the")
        w("     document); an optional Integer/Float/Boolean `x` of a type has `bool has_x`, or")
        w("     `bool has_x_set` when x itself starts with has_ (User.has_main_web_app:")
        w("     has_main_web_app_set); all the presence flags sit at the end of the struct; absent")
        w("     optional pointers are NULL;")
        w("   - an array is `x` (pointer to its first element) + `x_count`; Array of Array elements are")
        w("     tp_<elem>_list {items, count};")
        w("   - a union (ChatMember, MessageOrigin, InputMedia, ...) is {json, kind, as.<member>}, kind")
        w("     chosen by the discriminators of botapi.json (0 = a kind newer than this header);")
        w("   - every object keeps `json`, its DOM: fields newer than this header are read from it;")
        w("   - writing an object skips an optional field that is 0/false/NULL unless its presence")
        w("     flag is set (has_x = true sends x even as 0/false); const fields (InputMediaPhoto's")
        w("     \"type\") are written for you when NULL;")
        w("   - a method's args struct: zero/NULL means absent, so a zeroed struct sends no optional")
        w("     parameter. An optional Integer/Float/Boolean parameter is sent when not 0/false, 0/false")
        w("     being what Telegram assumes when it is absent; the few whose absent default differs")
        w("     (answerInlineQuery's cache_time: 300) also have `bool has_x` at the end of the struct:")
        w("     set it to send 0/false;")
        w("   - a union you build must have its kind name the member you set: kind 0 with a member set")
        w("     (a forgotten .kind), an unknown kind or no member fails the call with TP_ERR_INVALID")
        w("     naming the field, and nothing is sent (one read from a document is sent as its json). */")
        w("")
        # list structs for Array of Array
        lists = set()
        for n in self.types:
            for f in self.fields_of(n):
                k, depth, base = self.classify(f)
                if k == K_ARR and depth == 2:
                    lists.add(base)
        for m in self.methods.values():
            for f in m["fields"]:
                k, depth, base = self.classify(f)
                if k == K_ARR and depth == 2:
                    lists.add(base)
        w("/* The rows of an Array of Array of X (keyboards, photo sets, table cells). */")
        for ebase, ek in sorted(lists, key=str):
            et = self.elem_ctype(ek, ebase)
            if ek == K_OBJ:
                et = "struct " + et
            w("typedef struct %s { const %s *items; size_t count; } %s;" % (
                self.list_name(ebase, ek), et, self.list_name(ebase, ek)))
        w("")
        for n in self.tnames:
            if n == "InputFile":
                continue
            if n in self.types:
                w(anchor(n))
            else:
                text = "/* %s (telepot's name, no Bot API type): one of %s */" % (n, ", ".join(self.unions[n]))
                out.extend(textwrap.wrap(text, 96, subsequent_indent="   ", break_long_words=False))
            if n in self.unions:
                self.union_decl(n, out)
            else:
                self.struct_decl(n, out)
        w("")
        w("/* Type ids: tp_parse_as(doc, TP_TYPE_CHAT_MEMBER, json, &err), tp_jw_typed(&w, id, obj). */")
        out.extend(id_enum("TP_TYPE_", self.tnames))
        w("")
        w("/* Results of the method wrappers: `doc` owns everything (free it with tp_json_doc_free),")
        w("   `json` is the answer's \"result\", `value` its typed view (NULL when a Message-or-True")
        w("   method answered true). Pass NULL instead of a result to skip parsing altogether. */")
        w("typedef struct tp_bool_result { tp_json_doc *doc; const tp_json *json; bool value; } tp_bool_result;")
        w("typedef struct tp_int_result { tp_json_doc *doc; const tp_json *json; int64_t value; } tp_int_result;")
        w("typedef struct tp_string_result { tp_json_doc *doc; const tp_json *json; const char *value; } tp_string_result;")
        seen = set()
        for m in self.methods.values():
            rk, rt, rn = self.method_result(m)
            if rn in seen or rk in (R_BOOL, R_INT, R_STR):
                continue
            seen.add(rn)
            if rk == R_ARR:
                w("typedef struct %s { tp_json_doc *doc; const tp_json *json; const %s *value; size_t count; } %s;" % (
                    rn, ctype_name(rt), rn))
            else:
                w("typedef struct %s { tp_json_doc *doc; const tp_json *json; const %s *value; } %s;" % (
                    rn, ctype_name(rt), rn))
        w("")
        w("/* The methods: per method its args struct and its wrapper, tp_<method>(bot, &args, &out,")
        w("   &err), or tp_<method>(bot, &out, &err) when it takes no parameter. */")
        for n, m in self.methods.items():
            sn = snake(n)
            w(anchor(n))
            if m["fields"]:
                w("typedef struct tp_%s_args {" % sn)
                flagged = []
                for f in m["fields"]:
                    k, depth, base = self.classify(f)
                    fn = cname(f["name"])
                    req = "  /* required */" if f["required"] else ""
                    if k == K_ARR:
                        ebase, ek = base
                        et = self.elem_ctype(ek, ebase) if depth == 1 else self.list_name(ebase, ek)
                        star = "const %s *" % et if not et.endswith("*") else "%s const *" % et
                        w("    %s%s;%s" % (star, fn, req))
                        w("    size_t %s_count;" % fn)
                    elif k == K_OBJ:
                        w("    const %s *%s;%s" % (ctype_name(base), fn, req))
                    else:
                        et = self.elem_ctype(k, base)
                        sep = "" if et.endswith("*") else " "
                        w("    %s%s%s;%s" % (et, sep, fn, req))
                for f in m["fields"]:
                    why = ABSENT_IS_NOT_ZERO.get((n, f["name"]))
                    if why:
                        flagged.append(cname(f["name"]))
                        w("    bool %s;  /* true: send %s even if %s (%s) */" % (
                            flag_name(cname(f["name"])), cname(f["name"]),
                            "false" if f["types"] == ["Boolean"] else "0", why))
                self.check_unique(n, m["fields"], flagged)
                w("} tp_%s_args;" % sn)
            out.extend(wrap_call("static inline tp_err " + self.wrapper_head(n), ";"))
        w("")
        w("/* Method ids, for tp_call_typed. */")
        out.extend(id_enum("TP_METHOD_", self.methods))
        w("/* Any method by its TP_METHOD_* id, for code that picks methods at run time: `args` the")
        w("   method's args struct (or NULL), `out` its result struct (or NULL). It compiles in every")
        w("   wrapper; call the wrappers themselves when the method is known. */")
        out.extend(wrap_call("static inline tp_err tp_call_typed(tp_bot *bot, int method, const void *args, void *out, tp_error *err)", ";"))
        return out

    def wrappers(self):
        """The region at the end of the public half: the machinery the wrappers share, then every
        wrapper's body and tp_call_typed's. impl() must have run (the pool)."""
        out = []
        w = out.append
        w("/* The bodies of the wrappers declared in the GENERATED declarations above. Each is a")
        w("   static inline function carrying its own tables, so a program compiles and links only")
        w("   the methods it calls; all of them call tp_call_desc, which is not for hand use: `loc`")
        w("   holds the method's name and then the names only it uses (TP__LOC offsets; the others")
        w("   are offsets in the generated pool), f[0..nf) describe the args struct, rkind (TP__R_*)")
        w("   and rtype (TP_TYPE_*) the result, and long_poll_s >= 0 gives a long poll's hold time. */")
        w("typedef struct tp__fdesc {")
        w("    uint16_t name, off, aux; /* aux: offset of has_x (optional scalars) or x_count (arrays) */")
        w("    uint8_t kind, flags;     /* flags: required | array depth << 1 | element kind << 4 */")
        w("    uint16_t elem;           /* element type; for a string, the name of its const value;")
        w("                                for a Boolean, 1 when always true (remove_keyboard) */")
        w("} tp__fdesc;")
        w("#define TP__LOC(o) (0x8000u | (o))")
        w("enum { TP__R_BOOL = 1, TP__R_INT, TP__R_STR, TP__R_OBJ, TP__R_ARR, TP__R_OBJ_OR_TRUE };")
        w("TP_API tp_err tp_call_desc(tp_bot *bot, const char *loc, const tp__fdesc *f, unsigned nf,")
        w("                           unsigned rkind, unsigned rtype, int long_poll_s, const void *args,")
        w("                           void *out, tp_error *err);")
        w("")
        for n in self.methods:
            out.extend(self.wrapper(n))
        out.extend(self.dispatcher())
        return out

    def wrapper_head(self, n):
        sn = snake(n)
        rn = self.method_result(self.methods[n])[2]
        if self.methods[n]["fields"]:
            return "tp_%s(tp_bot *bot, const tp_%s_args *args, %s *out, tp_error *err)" % (sn, sn, rn)
        return "tp_%s(tp_bot *bot, %s *out, tp_error *err)" % (sn, rn)

    # --- implementation tables -----------------------------------------------------------------
    def field_rows(self, cstruct, flist, method=None, name=None):
        """Descriptor rows of a struct's fields (a method's args when method is its name), sorted
        by name: (C initializer, needs a default). name(text) gives a name's offset (the pool's
        by default)."""
        name = name or self.s
        rows = []
        for f in sorted(flist, key=lambda f: f["name"]):
            k, depth, base = self.classify(f)
            fn = cname(f["name"])
            flags = 1 if f["required"] else 0
            aux = "0"
            elem = 0
            sub = 0
            if k == K_ARR:
                ebase, ek = base
                sub = ek
                flags |= depth << 1
                if ek == K_OBJ:
                    elem = self.tindex[ebase]
                aux = "offsetof(%s, %s_count)" % (cstruct, fn)
            elif k == K_OBJ:
                elem = self.tindex[base]
            elif not f["required"] and k in (K_INT, K_FLOAT, K_BOOL) and (
                    method is None or (method, f["name"]) in ABSENT_IS_NOT_ZERO):
                aux = "offsetof(%s, %s)" % (cstruct, flag_name(fn))
            elif k == K_BOOL and f["required"] and ALWAYS_TRUE.get(cstruct) == f["name"]:
                elem = 1  # written as true whatever the struct holds
            cval = name(str(f["const"])) if "const" in f and isinstance(f["const"], str) else 0
            if cval and (k != K_STR or elem):
                raise SystemExit("gen_api.py: a const value on a field that is not a string")
            rows.append(("{%s, offsetof(%s, %s), %s, %d, %d, %s}" % (
                name(f["name"]), cstruct, fn, aux, k, flags | (sub << 4), cval or elem),
                bool(f["required"] and k in (K_OBJ, K_STR))))
        return rows

    def impl(self):
        fields, types, umembers, reqs, hashes = [], [], [], [], []

        def add_hash(flist):
            """An open-addressing table of the fields (index + 1), linear probing."""
            names = sorted(f["name"] for f in flist)
            bits = 1
            while (1 << bits) < len(names) * 2:
                bits += 1
            table = [0] * (1 << bits)
            for i, nm in enumerate(names):
                h = fhash(nm) & ((1 << bits) - 1)
                while table[h]:
                    h = (h + 1) & ((1 << bits) - 1)
                if i + 1 >= 128 or len(nm.encode()) >= 512:
                    raise SystemExit("gen_api.py: %d fields or a %d-byte name do not fit a hash slot" % (i + 1, len(nm)))
                table[h] = (i + 1) | (len(nm.encode()) << 7)  # index + 1, name length
            first = len(hashes)
            hashes.extend(str(x) for x in table)
            return first, bits

        def add_fields(rows):
            first, rfirst = len(fields), len(reqs)
            for text, needs_default in rows:
                if needs_default:
                    reqs.append(str(len(fields)))
                fields.append(text)
            return first, len(fields) - first, rfirst, len(reqs) - rfirst

        for n in self.tnames:
            cn = ctype_name(n)
            if n == "InputFile":
                types.append("{%d, 0, 0, 0, 0, 0, 0, 0, 0}" % self.s(n))
            elif n in self.unions:
                first = len(umembers)
                for (mt, mode, key, val, key2) in self.discriminators(n):
                    tag = self.unions[n].index(mt if mt else ("String" if mode == U_STRING else
                                                              [x for x in self.unions[n] if x.startswith("Array of ")][0])) + 1
                    umembers.append("{%d, %d, %d, %d, %d, %d}" % (
                        self.tindex[mt] if mt else 0xFFFF, tag, mode, self.s(key), self.s(val), self.s(key2)))
                types.append("{%d, sizeof(%s), %d, %d, 0, 0, 0, 2, 0}" % (self.s(n), cn, first, len(umembers) - first))
            else:
                types.append("{%d, sizeof(%s), %d, %d, %d, %d, %d, 1, %d}" % (
                    (self.s(n), cn) + add_fields(self.field_rows(cn, self.fields_of(n)))
                    + add_hash(self.fields_of(n))))
        out = []
        w = out.append
        w("/* %s tables: the string pool, field descriptors (sorted by name within a type)," % self.spec["version"])
        w("   types (struct types, then unions) and union members in the order they are tried. The")
        w("   methods' tables live in their static inline wrappers (GENERATED wrappers), so a")
        w("   program compiles and links the tables of the methods it calls only. */")
        pool = "".join(self.pool)
        w("#if defined(__GNUC__) || defined(__clang__)")
        w("#pragma GCC diagnostic push")
        w("#pragma GCC diagnostic ignored \"-Woverlength-strings\"")
        w("#endif")
        w("static const char tp__gen_pool[] =")
        chunk = "\\000"  # offset 0: the empty string, "no name"
        for piece in self.pool[1:]:
            esc = piece[:-1] + "\\000"  # three digits: a name after it may start with one
            if len(chunk) + len(esc) > 92:
                w('    "%s"' % chunk)
                chunk = ""
            chunk += esc
        if chunk:
            w('    "%s"' % chunk)
        w("    ;")
        w("#if defined(__GNUC__) || defined(__clang__)")
        w("#pragma GCC diagnostic pop")
        w("#endif")
        del pool
        w("static const tp__fdesc tp__gen_fields[%d] = {" % len(fields))
        for r in fields:
            w("    " + r + ",")
        w("};")
        w("static const tp__tdesc tp__gen_types[%d] = {" % len(types))
        for r in types:
            w("    " + r + ",")
        w("};")
        w("static const uint16_t tp__gen_reqs[%d] = { /* required objects and strings, per type */" % len(reqs))
        for i in range(0, len(reqs), 16):
            w("    " + ", ".join(reqs[i:i + 16]) + ",")
        w("};")
        w("static const uint16_t tp__gen_hash[%d] = { /* per type: field index + 1 | name length << 7 */" % len(hashes))
        for i in range(0, len(hashes), 20):
            w("    " + ", ".join(hashes[i:i + 20]) + ",")
        w("};")
        w("static const tp__udesc tp__gen_unions[%d] = {" % len(umembers))
        for r in umembers:
            w("    " + r + ",")
        w("};")
        if self.pool_len > 0x7FFF:
            raise SystemExit("gen_api.py: string pool over 32 KiB (name offsets keep bit 15 for the methods' own names)")
        return out

    # --- method wrappers: static inline, each one carrying its own tables ---------------------
    def wrapper(self, n):
        """The wrapper of method n: compiled and linked only where a program calls it. Names the
        types share are offsets in the pool (impl() must have run); the others are its own."""
        m = self.methods[n]
        sn = snake(n)
        rk, rt, rn = self.method_result(m)
        local = [n]  # the method's name, then the names no type has (TP__LOC offsets)
        local_at = {}

        def name(text):
            if text in self.pool_index:
                return str(self.pool_index[text])
            if text not in local_at:
                local_at[text] = sum(len(x.encode()) + 1 for x in local)
                local.append(text)
            return "TP__LOC(%d)" % local_at[text]

        out = []
        w = out.append
        out.extend(wrap_call("static inline tp_err " + self.wrapper_head(n), " {"))
        if m["fields"]:
            rows = self.field_rows("tp_%s_args" % sn, m["fields"], n, name)
            w("    static const tp__fdesc f[%d] = {" % len(rows))
            for text, _ in rows:
                w("        " + text + ",")
            w("    };")
        w("    static const char loc[] = \"%s\";" % "\\000".join(local))
        poll = "-1"
        if n in LONG_POLLS:
            poll = "args ? (int)args->%s : -1" % LONG_POLLS[n]
        w("    return tp_call_desc(bot, loc, %s, %d, TP__R_%s, %d, %s, %s, out, err);" % (
            "f" if m["fields"] else "NULL", len(m["fields"]),
            {R_BOOL: "BOOL", R_INT: "INT", R_STR: "STR", R_OBJ: "OBJ", R_ARR: "ARR", R_OBJ_OR_TRUE: "OBJ_OR_TRUE"}[rk],
            self.tindex[rt] if rt else 0, poll, "args" if m["fields"] else "NULL"))
        w("}")
        return out

    def dispatcher(self):
        out = []
        w = out.append
        w("")
        w("/* tp_call_typed (declared with the TP_METHOD_* ids): a switch over the wrappers. */")
        out.extend(wrap_call("static inline tp_err tp_call_typed(tp_bot *bot, int method, const void *args, void *out, tp_error *err)", " {"))
        w("    switch (method) {")
        for n, m in self.methods.items():
            sn = snake(n)
            rk, rt, rn = self.method_result(m)
            if m["fields"]:
                w("    case TP_METHOD_%s: return tp_%s(bot, (const tp_%s_args *)args, (%s *)out, err);" % (
                    sn.upper(), sn, sn, rn))
            else:
                w("    case TP_METHOD_%s: return tp_%s(bot, (%s *)out, err);" % (sn.upper(), sn, rn))
        w("    default: /* no such method: TP_ERR_INVALID, and doc and json zero as after any failure */")
        w("        if (out) { /* every result struct starts with doc and json */")
        w("            ((tp_bool_result *)out)->doc = NULL;")
        w("            ((tp_bool_result *)out)->json = NULL;")
        w("        }")
        w("        return tp_call_desc(bot, NULL, NULL, 0, 0, 0, -1, NULL, NULL, err);")
        w("    }")
        w("}")
        w("")
        w("/* Where a method's args keep chat_id, for tp_sender_call: 2 * its byte offset for a")
        w("   tp_chat_id (\"Integer or String\"), 2 * offset + 1 for an int64_t; -1: no chat_id. */")
        w("static inline long tp__chat_id_at(int method) {")
        w("    switch (method) {")
        for n, m in self.methods.items():
            for f in m["fields"]:
                if f["name"] != "chat_id":
                    continue
                k = self.classify(f)[0]
                if k not in (K_CHATID, K_INT):
                    continue
                sn = snake(n)
                w("    case TP_METHOD_%s: return 2 * (long)offsetof(tp_%s_args, chat_id)%s;" % (
                    sn.upper(), sn, " + 1" if k == K_INT else ""))
        w("    default: return -1;")
        w("    }")
        w("}")
        return out


# --- samples: for tpemu's answers and the tests --------------------------------------------------
class Samples:
    def __init__(self, g):
        self.g = g
        self.n = 0

    def scalar(self, k, f, name):
        if k == K_INT:
            if f.get("int64") or name.endswith("chat_id") or name == "id":
                return -1009007199254740993
            return 1700000001 if name in ("date",) else 42
        if k == K_FLOAT:
            return 1.5
        if k == K_BOOL:
            return True
        if k == K_CHATID:
            return -1009007199254740993
        if k == K_FILE:
            return "FILEID_" + name
        return "s_" + name

    def value(self, f, full, depth):
        g = self.g
        k, d, base = g.classify(f)
        if "const" in f:
            return f["const"]
        if k == K_ARR:
            ebase, ek = base
            one = self.elem(ek, ebase, f, full, depth + 1)
            if one is None:
                return [] if f["required"] else None
            return [one] if d == 1 else [[one]]
        return self.elem(k, base, f, full, depth)

    def elem(self, k, base, f, full, depth):
        if k == K_OBJ:
            if depth > 4 and not f["required"]:
                return None
            return self.obj(base, False, depth + 1)
        return self.scalar(k, f, f["name"])

    def obj(self, name, full, depth, pick=None):
        g = self.g
        if name in g.unions:
            subs = [s for s in g.unions[name] if s in g.types]
            s = pick or (subs[0] if depth < 6 or "String" not in g.unions[name] else None)
            if s is None:
                return "s_richtext"
            if name == "MaybeInaccessibleMessage" and pick is None:
                s = "Message"
            return self.obj(s, full, depth)
        o = {}
        for f in g.fields_of(name):
            if not f["required"] and not full:
                continue
            v = self.value(f, full, depth)
            if v is None:
                continue
            o[f["name"]] = v
        return o


def cstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def emu_schema(g, smp):
    out = ["/* tools/tpemu_schema.h - GENERATED by tools/gen_api.py from tools/botapi.json; do not edit.",
           "   Per Bot API method: a sample result with every required field, for the methods tpemu",
           "   does not answer by hand. */",
           "static const struct { const char *method, *result; } tpemu_schema[] = {"]
    for n, m in g.methods.items():
        rk, rt, rn = g.method_result(m)
        if rk in (R_BOOL, R_OBJ_OR_TRUE) and rk == R_BOOL:
            v = True
        elif rk == R_INT:
            v = 7
        elif rk == R_STR:
            v = "s_result"
        elif rk == R_ARR:
            v = [smp.obj(rt, False, 0)]
        else:
            v = smp.obj(rt, False, 0)
        out.append("    {%s, %s}," % (cstr(n), cstr(json.dumps(v, separators=(",", ":")))))
    out.append("};")
    return "\n".join(out) + "\n"


def cases(g, smp):
    """tests/gen_cases.h: per type, samples with all fields and with required ones; per method, a
    function filling representative args and the JSON the emulator must record."""
    out = ["/* tests/gen_cases.h - GENERATED by tools/gen_api.py from tools/botapi.json; do not edit. */",
           "#if defined(__GNUC__) || defined(__clang__)",
           "#pragma GCC diagnostic ignored \"-Woverlength-strings\"",
           "#endif",
           "typedef struct { int type; int kind; const char *json; } gen_type_case;",
           "static const gen_type_case gen_type_cases[] = {"]
    for n in g.tnames:
        if n == "InputFile":
            continue
        if n in g.unions:
            for i, s in enumerate(g.unions[n]):
                if s not in g.types:
                    continue
                for full in (True, False):
                    out.append("    {%d, %d, %s}," % (g.tindex[n], i + 1, cstr(json.dumps(smp.obj(n, full, 0, pick=s), separators=(",", ":")))))
        else:
            for full in (True, False):
                out.append("    {%d, -1, %s}," % (g.tindex[n], cstr(json.dumps(smp.obj(n, full, 0), separators=(",", ":")))))
    out.append("};")
    # methods
    fns = []
    for n, m in g.methods.items():
        sn = snake(n)
        rk, rt, rn = g.method_result(m)
        body = []
        expect = {}
        files = []
        var = [0]

        def fresh(prefix):
            var[0] += 1
            return "%s%d" % (prefix, var[0])

        def build_obj(tname, depth, pre):
            """C statements filling a static object of tname; returns (cexpr pointer, json)."""
            if tname in g.unions:
                sub = [s for s in g.unions[tname] if s in g.types][0]
                p, j = build_obj(sub, depth, pre)
                u = fresh("u")
                pre.append("static %s %s; memset(&%s, 0, sizeof %s); %s.kind = %d; %s.as.any = %s;" % (
                    ctype_name(tname), u, u, u, u, g.unions[tname].index(sub) + 1, u, p))
                return "&" + u, j
            o = fresh("o")
            pre.append("static %s %s; memset(&%s, 0, sizeof %s);" % (ctype_name(tname), o, o, o))
            j = {}
            for f in sorted(g.fields_of(tname), key=lambda f: f["name"]):
                if not f["required"] and depth > 0:
                    continue
                if "const" in f and isinstance(f["const"], str):
                    j[f["name"]] = f["const"]  # written for us
                    continue
                v = fill(o + ".", f, depth + 1, pre)
                if v is not None:
                    j[f["name"]] = v
            return "&" + o, j

        def fill(dst, f, depth, pre):
            k, d, base = g.classify(f)
            fn = cname(f["name"])
            name = f["name"]
            if depth == 1 and (n, name) in ABSENT_IS_NOT_ZERO:  # the value the flag is for
                pre.append("%s%s = 0; %s%s = true;" % (dst, fn, dst, flag_name(fn)))
                return {K_INT: 0, K_FLOAT: 0.0, K_BOOL: False}[k]
            if k == K_INT:
                v = smp.scalar(k, f, name)
                pre.append("%s%s = INT64_C(%d);" % (dst, fn, v))
                return v
            if k == K_FLOAT:
                pre.append("%s%s = 1.5;" % (dst, fn))
                return 1.5
            if k == K_BOOL:
                pre.append("%s%s = true;" % (dst, fn))
                return True
            if k == K_STR:
                v = "s_" + name
                if "values" in f and f["values"]:
                    v = f["values"][0]
                elif name.endswith("parse_mode"):
                    v = "HTML"
                elif name == "url":
                    v = "https://example.com/" + snake(n)
                pre.append("%s%s = %s;" % (dst, fn, cstr(v)))
                return v
            if k == K_CHATID:
                if name == "chat_id" and depth == 1:
                    pre.append("%s%s = TP_CHAT_NAME(\"@tpemu_channel\");" % (dst, fn))
                    return "@tpemu_channel"
                pre.append("%s%s = TP_CHAT(INT64_C(-1009007199254740993));" % (dst, fn))
                return -1009007199254740993
            if k == K_FILE:
                if depth == 1:
                    files.append(name)
                    pre.append("%s%s = tp_file_mem(\"abc\", 3, \"%s.bin\");" % (dst, fn, name))
                    return None
                nm = "tpf%d" % len([x for x in files if x.startswith("tpf")])
                files.append(nm)
                pre.append("%s%s = tp_file_mem(\"abcd\", 4, \"%s.bin\");" % (dst, fn, name))
                return "attach://" + nm
            if k == K_OBJ:
                if depth > 3:
                    return None
                p, j = build_obj(base, depth, pre)
                pre.append("%s%s = %s;" % (dst, fn, p))
                return j
            if k == K_ARR:
                ebase, ek = base
                if depth > 3:
                    return None
                arr = fresh("a")
                if ek == K_OBJ:
                    p, j = build_obj(ebase, depth, pre)
                    et = ctype_name(ebase)
                    if d == 1:
                        pre.append("static %s %s[1]; %s[0] = *%s;" % (et, arr, arr, p))
                        pre.append("%s%s = %s; %s%s_count = 1;" % (dst, fn, arr, dst, fn))
                        return [j]
                    ln = g.list_name(ebase, ek)
                    pre.append("static %s %s_e[1]; %s_e[0] = *%s; static %s %s[1]; %s[0].items = %s_e; %s[0].count = 1;" % (
                        et, arr, arr, p, ln, arr, arr, arr, arr))
                    pre.append("%s%s = %s; %s%s_count = 1;" % (dst, fn, arr, dst, fn))
                    return [[j]]
                ff = dict(f)
                v = {K_INT: 9007199254740993, K_FLOAT: 2.5, K_BOOL: True}.get(ek)
                et = g.elem_ctype(ek, None)
                if ek == K_STR:
                    v = f.get("values", ["s_" + name])[0] if f.get("values") else "s_" + name
                    pre.append("static const char *%s[2]; %s[0] = %s; %s[1] = %s;" % (arr, arr, cstr(v), arr, cstr(v)))
                elif ek == K_INT:
                    pre.append("static int64_t %s[2]; %s[0] = %s[1] = INT64_C(%d);" % (arr, arr, arr, v))
                elif ek == K_FLOAT:
                    pre.append("static double %s[2]; %s[0] = %s[1] = 2.5;" % (arr, arr, arr))
                elif ek == K_BOOL:
                    pre.append("static bool %s[2]; %s[0] = %s[1] = true;" % (arr, arr, arr))
                else:
                    raise SystemExit("array of %s" % ek)
                del ff
                pre.append("%s%s = %s; %s%s_count = 2;" % (dst, fn, arr, dst, fn))
                return [v, v]
            raise SystemExit("kind %s" % k)

        pre = []
        if m["fields"]:
            pre.append("static tp_%s_args a; memset(&a, 0, sizeof a);" % sn)
            for f in sorted(m["fields"], key=lambda f: f["name"]):
                v = fill("a.", f, 1, pre)
                if v is not None:
                    expect[f["name"]] = v
        fname = "gen_call_%s" % sn
        req = ",".join(f["name"] for f in sorted(m["fields"], key=lambda f: f["name"]) if f["required"])
        size = "sizeof(tp_%s_args)" % sn if m["fields"] else "0"
        fns.append((n, fname, json.dumps(expect, separators=(",", ":")), files, rn, rk, req, size))
        out.append("static tp_err %s(tp_bot *bot, void *res, tp_error *err) {" % fname)
        for line in pre:
            out.append("    " + line)
        if m["fields"]:
            out.append("    return tp_%s(bot, &a, (%s *)res, err);" % (sn, rn))
        else:
            out.append("    return tp_%s(bot, (%s *)res, err);" % (sn, rn))
        out.append("}")
    out.append("/* per method (in TP_METHOD_* order): its call with representative args, the parameters")
    out.append("   tpemu must record, the files, the result kind, its required parameters, sizeof its args */")
    out.append("typedef struct { const char *method; tp_err (*call)(tp_bot *, void *, tp_error *); const char *params; const char *files; int rkind; const char *required; size_t args_size; } gen_method_case;")
    out.append("static const gen_method_case gen_method_cases[] = {")
    for (n, fname, exp, files, rn, rk, req, size) in fns:
        out.append("    {%s, %s, %s, %s, %d, %s, %s}," % (cstr(n), fname, cstr(exp), cstr(",".join(files)), rk, cstr(req), size))
    out.append("};")
    return "\n".join(out) + "\n"


def replace_region(text, tag, body):
    begin = "/* BEGIN GENERATED %s: tools/gen_api.py from tools/botapi.json; do not edit, run `make gen` */" % tag
    end = "/* END GENERATED %s */" % tag
    i = text.find(begin)
    j = text.find(end)
    if i < 0 or j < 0:
        raise SystemExit("gen_api.py: markers for %s not found in telepot.h" % tag)
    return text[:i + len(begin)] + "\n" + body + "\n" + text[j:]


def main():
    check = "--check" in sys.argv
    with open(SPEC) as f:
        spec = json.load(f)
    g = Gen(spec)
    impl = "\n".join(g.impl())  # first: it fills the string pool the wrappers refer to
    decls = "\n".join(g.decls())
    wrappers = "\n".join(g.wrappers())
    with open(HEADER) as f:
        header = f.read()
    new = replace_region(header, "declarations", decls)
    new = replace_region(new, "wrappers", wrappers)
    new = replace_region(new, "tables", impl)
    smp = Samples(g)
    outputs = {HEADER: new, EMU_SCHEMA: emu_schema(g, smp), CASES: cases(g, smp)}
    bad = 0
    for path, text in outputs.items():
        old = open(path).read() if os.path.exists(path) else None
        if old == text:
            continue
        if check:
            print("gen_api.py: %s differs from the generator's output (run `make gen`)" % os.path.relpath(path, ROOT))
            bad = 1
        else:
            with open(path, "w") as f:
                f.write(text)
    if check and not bad:
        print("gen_api.py: telepot.h, tools/tpemu_schema.h and tests/gen_cases.h match tools/botapi.json (%s)" % spec["version"])
    return bad


if __name__ == "__main__":
    sys.exit(main())
