-- Escape attempt: table.insert asks #t for how many elements to move up;
-- a __len of 10^15 makes that loop, inside one C call, endless.
return {
  score = function(a, b)
    local t = setmetatable({}, { __len = function() return 1e15 end })
    table.insert(t, 1, "x")
    return 0
  end,
}
