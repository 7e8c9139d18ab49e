-- Escape attempt: eat all memory, catching the error and going on.
return {
  score = function(a, b)
    local hoard = {}
    for i = 1, 1000 do
      pcall(function()
        while true do hoard[#hoard + 1] = { i } end
      end)
    end
    return 0
  end,
}
