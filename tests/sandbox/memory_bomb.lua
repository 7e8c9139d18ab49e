-- Escape attempt: eat all memory.
return {
  score = function(a, b)
    local s = "x"
    while true do
      s = s .. s
    end
  end,
}
