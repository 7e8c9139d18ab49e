-- A rule that fails at run time: extra.nickname is nil.
local extra = {}

return {
  score = function(a, b)
    return #extra.nickname
  end,
}
