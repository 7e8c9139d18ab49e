#!/bin/sh
# tests/lua/determinism.sh -- a rule gives the same output in every process.
#
# Lua's hash seed and the addresses of tables and functions change from
# process to process (the seed is per process; ASLR moves the heap).  Each
# rule below makes its scores and reasons depend on one way a script could
# see them, and runs in RUNS separate processes whose outputs must be
# byte-identical.
. "$top_srcdir/tests/lib.sh"

DATA="$top_srcdir/tests/lua"
RUNS=8

# The head of every rule: emit(list) scores and explains a list of words,
# so that any change in their order changes the output.
cat >"$TMP/head.lua" <<'LUA'
local function emit(list)
  local s = table.concat(list, " ")
  local h = 0
  for i = 1, #s do h = (h * 31 + s:byte(i)) % 1000003 end
  return (h % 1000) / 1000, s:sub(1, 200) .. " #" .. h
end
-- Objects of several kinds as keys, with names to show them by.
local names = {}
local function named(name, v) names[v] = name return v end
local function show(k) return names[k] or tostring(k) end
local function mixed(views)
  local t = { [3] = 1, [-1] = 1, [2.5] = 1, [math.huge] = 1,
    [math.mininteger] = 1, b = 1, a = 1, ["a b"] = 1, [""] = 1,
    [true] = 1, [false] = 1 }
  for i = 1, 12 do
    t[named("table" .. i, {})] = 1
    t[named("function" .. i, function() return i end)] = 1
  end
  t[named("coroutine", coroutine.create(print))] = 1
  t[named("print", print)] = 1
  t[named("string.len", string.len)] = 1
  t[named("mingle.overlap", mingle.overlap)] = 1
  t[named("the string library", string)] = 1
  for _, v in ipairs(views) do t[named(v.id, v)] = 1 end
  return t
end
LUA

# det NAME LUA: the rule is head.lua followed by LUA.
det() {
	cat "$TMP/head.lua" - >"$TMP/$1.lua"
	cat >"$TMP/$1.ini" <<EOF
[input]
file = $DATA/event.csv
id = Email
name = Name

[strategy $1]
script = $TMP/$1.lua

[match]
per_attendee = 3
EOF
	i=1
	while [ "$i" -le "$RUNS" ]; do
		if ! "$MINGLE" run -c "$TMP/$1.ini" -o "$TMP/$1.$i.csv" \
		    2>"$TMP/err"; then
			t_fail "$1: run $i failed" "$(head -c 1000 "$TMP/err")"
			return
		fi
		i=$((i + 1))
	done
	i=2
	while [ "$i" -le "$RUNS" ]; do
		if ! cmp -s "$TMP/$1.1.csv" "$TMP/$1.$i.csv"; then
			t_fail "$1: $RUNS runs, run $i differs from run 1" \
			    "$(diff "$TMP/$1.1.csv" "$TMP/$1.$i.csv" | head -6)"
			return
		fi
		i=$((i + 1))
	done
	t_ok "$1: $RUNS runs, byte-identical"
}

det next_strings <<'LUA'
local t = {}
for i = 1, 100 do t["key" .. i] = i end
return { score = function(a, b)
  local out, k = {}, nil
  repeat k = next(t, k) out[#out + 1] = show(k) until k == nil
  return emit(out)
end }
LUA

det next_mixed <<'LUA'
local t
return {
  prepare = function(all) t = mixed(all) end,
  score = function(a, b)
    local out, k = {}, nil
    repeat k = next(t, k) out[#out + 1] = show(k) until k == nil
    return emit(out)
  end,
}
LUA

det pairs_mixed <<'LUA'
local t
return {
  prepare = function(all) t = mixed(all) end,
  score = function(a, b)
    local out = {}
    for k in pairs(t) do out[#out + 1] = show(k) end
    return emit(out)
  end,
}
LUA

det pairs_fresh_objects <<'LUA'
-- Tables and functions made in the call itself, used as keys.
return { score = function(a, b)
  local t, out = {}, {}
  for i = 1, 20 do
    t[named("t" .. i, {})] = i
    t[named("f" .. i, function() end)] = i
  end
  for k, v in pairs(t) do out[#out + 1] = show(k) .. "=" .. v end
  return emit(out)
end }
LUA

det next_while_clearing <<'LUA'
-- Clearing fields during a traversal, and a traversal of a table that
-- changed since the last one.
return { score = function(a, b)
  local t, out = {}, {}
  for i = 1, 30 do t["k" .. i] = i end
  for k, v in pairs(t) do
    if v % 3 == 0 then t[k] = nil end
    out[#out + 1] = k
  end
  for i = 31, 40 do t["k" .. i] = i end
  local k = next(t)
  while k do out[#out + 1] = k k = next(t, k) end
  return emit(out)
end }
LUA

det library_pairs <<'LUA'
return { score = function(a, b)
  local out = {}
  for k in pairs(string) do out[#out + 1] = k end
  for k in pairs(_G) do out[#out + 1] = k end
  for k, v in pairs(a) do out[#out + 1] = k end
  return emit(out)
end }
LUA

det sort_ties <<'LUA'
return { score = function(a, b)
  local recs, out = {}, {}
  for i = 1, 50 do recs[i] = { key = i % 4, id = i } end
  table.sort(recs, function(x, y) return x.key < y.key end)
  for i, r in ipairs(recs) do out[i] = r.id end
  local words = { "b", "a", "c", "a", "b" }
  table.sort(words)
  out[#out + 1] = table.concat(words)
  return emit(out)
end }
LUA

det no_addresses <<'LUA'
return { score = function(a, b)
  local ok, err = pcall(string.format, "%p", {})
  return emit({ tostring({}), tostring(print), tostring(function() end),
    tostring(coroutine.create(print)), ("%s|%s|%10s"):format({}, print, {}),
    tostring(a), tostring(string), err })
end }
LUA

det random <<'LUA'
return { score = function(a, b)
  local out = {}
  for i = 1, 10 do out[i] = math.random(1000) end
  out[#out + 1] = math.random()
  return emit(out)
end }
LUA

det sequence_length <<'LUA'
-- # is exact for a sequence (no holes), however it was built.
return { score = function(a, b)
  local t, out = {}, {}
  for i = 1, 100 do t[i] = i end
  for i = 1, 40 do t["s" .. i] = i t["s" .. i] = nil end
  for i = 100, 61, -1 do t[i] = nil end
  out[1] = #t
  table.insert(t, "x")
  table.remove(t, 1)
  out[2] = #t
  return emit(out)
end }
LUA

# Error messages name the same key in every process too: a returned table
# with two unknown keys.
cat >"$TMP/two_typos.lua" <<'LUA'
return { scroe = function() return 0 end, vetoo = function() end,
  sccore = 1, veto = 2 }
LUA
sed "s|^script = .*|script = $TMP/two_typos.lua|" "$TMP/random.ini" \
    >"$TMP/two_typos.ini"
i=1
same=yes
while [ "$i" -le "$RUNS" ]; do
	"$MINGLE" check -c "$TMP/two_typos.ini" >/dev/null 2>"$TMP/typos.$i"
	cmp -s "$TMP/typos.1" "$TMP/typos.$i" || same=no
	i=$((i + 1))
done
if [ "$same" = yes ]; then
	t_ok "errors: $RUNS runs, the same message"
else
	t_fail "errors: messages differ" "$(cat "$TMP"/typos.*)"
fi
t_contains "errors: ... naming the first unknown key in byte order" \
    "$TMP/typos.1" "unknown key 'sccore'"

t_done
