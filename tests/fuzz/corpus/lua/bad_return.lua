-- A rule that forgets to return a score.
return {
  score = function(a, b)
    local s = 1
  end,
}
