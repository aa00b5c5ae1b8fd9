import { defineExercises } from "../define.ts";

export default defineExercises([
  {
    id: "backprop-update-step",
    kind: "numeric",
    prompt:
      "A weight is w = 0.5. Backpropagation says the slope of the loss for this weight is ∂L/∂w = −3, and the learning rate is η = 0.1.\nWhat is the weight after one gradient-descent update, w ← w − η·∂L/∂w?",
    hints: [
      "First multiply the learning rate by the slope: 0.1 · (−3).",
      "Subtracting a negative number is the same as adding it.",
      "A negative slope means the loss goes down when w goes up, so the new weight should be larger than 0.5.",
    ],
    answer: 0.8,
    tolerance: 0.001,
    explanation:
      "η·∂L/∂w = 0.1 · (−3) = −0.3, and w − (−0.3) = 0.5 + 0.3 = 0.8. The minus sign in the rule always moves the weight against the slope: here the slope is negative (the loss falls as w rises), so the weight goes up. A positive slope would have pushed it down instead.",
  },
  {
    id: "backprop-chain-rule",
    kind: "numeric",
    prompt:
      "In a small network, nudging a weight w changes the prediction ŷ 3 times as much as the nudge (∂ŷ/∂w = 3). Nudging the prediction changes the loss by −2 times as much (∂L/∂ŷ = −2).\nUsing the chain rule, what is ∂L/∂w?",
    hints: [
      "The weight affects the loss only through the prediction: a chain of two links.",
      "The chain rule multiplies the slopes of the links along the chain.",
    ],
    answer: -6,
    tolerance: 0.001,
    explanation:
      "∂L/∂w = ∂L/∂ŷ · ∂ŷ/∂w = (−2) · 3 = −6. A tiny nudge of w is magnified 3 times on its way to the prediction, and that change is then multiplied by −2 on its way to the loss. Backpropagation does exactly this for every weight, multiplying local slopes from the loss backwards.",
  },
  {
    id: "backprop-large-rate",
    kind: "predict",
    prompt:
      "Gradient descent is walking down a loss curve. You set the learning rate much too large. What will the steps do?",
    options: [
      { id: "faster", text: "Reach the bottom faster and stop exactly there" },
      {
        id: "overshoot",
        text: "Jump over the bottom to the other side, bounce back and forth, and possibly climb ever higher",
      },
      { id: "crawl", text: "Creep down in tiny steps that take a very long time" },
      {
        id: "nothing",
        text: "Nothing changes: the learning rate only affects the speed of the computer",
      },
    ],
    correct: "overshoot",
    figure: { widget: "GradientDescent", props: {} },
    hints: [
      "The step size is the learning rate times the slope. What happens when that step is longer than the distance to the bottom?",
      "Think of the one-weight example in the lesson with η = 0.3.",
    ],
    explanation:
      "A step of η times the slope that is longer than the distance to the bottom lands on the far side of the valley, often higher than where it started. There the slope is steep again and points back, so the next step overshoots even more: the loss bounces and can grow without limit. A too small learning rate causes the opposite problem, crawling. Run the figure with a large learning rate to see the zig-zag.",
  },
  {
    id: "backprop-what-it-does",
    kind: "choice",
    multiple: true,
    prompt: "Which of these statements about backpropagation are true? Select all that apply.",
    options: [
      {
        id: "backwards",
        text: "It works from the loss at the output back towards the input layer",
      },
      { id: "chain", text: "It multiplies local slopes together, using the chain rule" },
      {
        id: "all-at-once",
        text: "One backward sweep gives the gradient for every weight in the network",
      },
      {
        id: "updates",
        text: "It changes the weights by itself; no separate update step is needed",
      },
      {
        id: "one-by-one",
        text: "It nudges each weight separately and runs a new forward pass each time",
      },
    ],
    correct: ["backwards", "chain", "all-at-once"],
    hints: [
      "Backpropagation and gradient descent are two separate steps of the training loop. Which one changes the weights?",
      "Why is backpropagation much faster than nudging weights one by one?",
    ],
    explanation:
      "Backpropagation starts at the loss and passes blame backwards layer by layer, multiplying local slopes (the chain rule), and one sweep yields the gradient for every weight. It does not change anything: the update step of gradient descent uses those gradients to move the weights. Nudging weights one at a time would also give slopes, but would need one extra forward pass per weight, far too slow for a real network.",
  },
  {
    id: "backprop-loop-order",
    kind: "ordering",
    prompt: "Put the four steps of one round of the training loop in the order they happen.",
    items: [
      { id: "forward", text: "Forward pass: run examples through the network to get predictions" },
      { id: "loss", text: "Compute the loss: compare predictions with the right answers" },
      { id: "backprop", text: "Backpropagate: compute the gradient of the loss for every weight" },
      { id: "update", text: "Update: move every weight a small step against its gradient" },
    ],
    hints: [
      "You cannot measure how wrong the predictions are before you have predictions.",
      "You need the gradients before you know which way to move the weights.",
    ],
    explanation:
      "Forward pass → loss → backpropagation → update. Each step needs the one before it: the loss needs predictions, the gradients are slopes of the loss, and the update uses the gradients. After the update the loop starts again with the next batch of examples, often millions of times.",
  },
]);
