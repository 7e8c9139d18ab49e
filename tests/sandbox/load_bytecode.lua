-- Escape attempt: smuggle bytecode through load(), which would let a
-- script forge VM instructions.
local chunk = "\27Lua\84\0\25\147\13\10\26\10\4\8\8\120\86\0\0\0\0\0\0\0"
return {
  score = function(a, b)
    local f = load(chunk, "x", "b")
    return f()
  end,
}
