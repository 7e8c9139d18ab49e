-- Escape attempt: never return.
return {
  score = function(a, b)
    while true do end
  end,
}
