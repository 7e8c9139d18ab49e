-- A rule with a syntax error on line 5.
return {
  score = function(a, b)
    return 1 +
  end,
}
