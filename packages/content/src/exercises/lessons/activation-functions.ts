import { defineExercises } from "../define.ts";

export default defineExercises([
  {
    id: "act-collapse-bias",
    kind: "numeric",
    prompt:
      "Two neurons with no activation are stacked. The first computes h = 4·x - 2. The second takes h and computes y = 0.5·h + 3.\nTogether they equal one single neuron y = w·x + b. What is its bias b?",
    hints: [
      "Replace h in the second line by what it stands for: y = 0.5·(4·x - 2) + 3.",
      "Multiply out the bracket: 0.5 × 4·x and 0.5 × (-2). Then collect the plain numbers.",
    ],
    answer: 2,
    tolerance: 0.01,
    explanation:
      "y = 0.5·(4·x - 2) + 3 = 2·x - 1 + 3 = 2·x + 2. So the two layers are exactly one neuron with weight w = 2 and bias b = 2. Check with x = 1: the first layer gives h = 2, the second y = 0.5 × 2 + 3 = 4, and 2 × 1 + 2 = 4 too. Without an activation between them, the second layer adds nothing a single neuron could not do.",
  },
  {
    id: "act-collapse-predict",
    kind: "predict",
    prompt:
      "A network has one input x, five hidden layers of six neurons each, and one output y. Its weights are random, and there is no activation anywhere: every neuron just passes on its weighted sum. If you plot y against x, what shape do you get? Commit to a guess, then run the figure.",
    hints: [
      "Start small: what did two stacked neurons without activation turn into?",
      "A line times a number is a line, and lines added together give a line.",
    ],
    options: [
      { id: "line", text: "A straight line, whatever the random weights are" },
      { id: "gentle", text: "A gentle curve with one bend" },
      { id: "zigzag", text: "A zig-zag with many corners, one per neuron" },
      { id: "depends", text: "It depends on the weights: straight for some, curved for others" },
    ],
    correct: "line",
    figure: { widget: "CollapseDemo", props: { layers: 5, units: 6, seed: 7 } },
    explanation:
      "Without activations every layer only multiplies by weights and adds biases, and doing that to a straight line always gives another straight line. So however many layers or neurons there are, and whatever the weights, the whole network collapses into one linear map: y = w·x + b for some w and b. In the figure, reseed the weights and add layers: the plain stack stays straight, while the version with an activation between the layers bends.",
  },
  {
    id: "act-facts",
    kind: "choice",
    multiple: true,
    prompt: "Which of these statements about activation functions are true? Choose all that apply.",
    hints: [
      "Work out each function at z = 0 and at a large negative z.",
      "Think about the slope of each curve: where is it steep, where is it flat?",
    ],
    options: [
      {
        id: "relu-zero",
        text: "ReLU outputs 0 for every negative z and z itself for every positive z.",
      },
      { id: "sigmoid-range", text: "The sigmoid's output always lies between 0 and 1." },
      { id: "tanh-centred", text: "Tanh outputs numbers between -1 and 1, and tanh(0) = 0." },
      { id: "sigmoid-centred", text: "The sigmoid is centred on zero: sigmoid(0) = 0." },
      {
        id: "relu-slope",
        text: "For positive z, ReLU's slope is 1, so it does not shrink the learning signal.",
      },
      { id: "relu-costly", text: "ReLU is the most expensive of the three to compute." },
    ],
    correct: ["relu-zero", "sigmoid-range", "tanh-centred", "relu-slope"],
    explanation:
      "ReLU = max(0, z): zero for negative z, z itself for positive z, with slope 1 there, so the learning signal passes through without shrinking. The sigmoid squashes every z into the range between 0 and 1, and sigmoid(0) = 0.5, so it is not centred on zero; tanh is the one centred on zero, with outputs between -1 and 1. ReLU is the cheapest of the three: a single comparison with zero, where sigmoid and tanh need exponentials.",
  },
  {
    id: "act-which-output",
    kind: "choice",
    multiple: false,
    prompt:
      "A network reads an email and must output the probability that it is spam: a number between 0 and 1. Which activation fits its output neuron best?",
    hints: ["Which of the three squashes every z into the range from 0 to 1?"],
    options: [
      { id: "relu", text: "ReLU" },
      { id: "sigmoid", text: "Sigmoid" },
      { id: "tanh", text: "Tanh" },
      { id: "none", text: "No activation at all" },
    ],
    correct: ["sigmoid"],
    explanation:
      "The sigmoid turns any z into a number between 0 and 1, which reads directly as a probability: 0.9 means 90% sure it is spam. ReLU can output any number from 0 upwards, such as 7, which is no probability. Tanh can be negative. With no activation the output can be any number at all. Inside the network, the hidden layers would still typically use ReLU.",
  },
]);
